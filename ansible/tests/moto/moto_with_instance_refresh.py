#!/usr/bin/env python3
"""TEST-ONLY: moto's server with the instance-refresh actions of EC2 Auto Scaling added.

moto 5.2 answers neither StartInstanceRefresh, DescribeInstanceRefreshes, CancelInstanceRefresh nor
RollbackInstanceRefresh, which rollout.yml and rollback.yml call. This launcher registers those four actions
on moto's AutoScalingResponse class (moto dispatches a query-protocol Action to the method of the same name
in snake_case) and serves moto on a loopback address.

It emulates the API's shape, not what AWS does:
  * refreshes live in this process's memory, per account, region and group; no instance is replaced;
  * a refresh moves one step each time it is described (the answer shows the state, then it moves):
    Pending, then InProgress a number of times, then its outcome; with the default of one InProgress step
    a refresh is Successful on its third describe;
  * a test picks the outcome and the number of InProgress steps with tags on the Auto Scaling group,
    read when the refresh starts: moto-refresh-outcome (Successful, Failed, Cancelled, RollbackSuccessful,
    RollbackFailed) and moto-refresh-steps (an integer);
  * on Successful the group takes the refresh's DesiredConfiguration launch template, as AWS does;
  * RollbackInstanceRefresh and CancelInstanceRefresh end the active refresh on its next describe;
  * CreateLaunchTemplateVersion honours SourceVersion (moto ignores it) by overlaying the given data
    on the source version's data key by key, so a test can see what a new version inherits.
Nothing here validates preferences the way AWS does; it records them so a test can assert on them.

Usage: moto_with_instance_refresh.py --port-file FILE [--host 127.0.0.1] [--port 0]
The bound port is written to FILE once the server accepts connections.
"""

import argparse
import copy
import datetime
import os
import threading
import uuid

from moto.autoscaling.models import autoscaling_backends
from moto.autoscaling.responses import AutoScalingResponse
from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult
from moto.ec2.responses.launch_templates import LaunchTemplates
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

ACTIVE = ("Pending", "InProgress", "Cancelling", "RollbackInProgress", "Baking")
OUTCOMES = ("Successful", "Failed", "Cancelled", "RollbackSuccessful", "RollbackFailed")
OUTCOME_TAG = "moto-refresh-outcome"
STEPS_TAG = "moto-refresh-steps"

_lock = threading.Lock()
# (account, region, group name) -> list of refresh records, newest first
_refreshes = {}


class InstanceRefreshInProgress(ServiceException):
    code = "InstanceRefreshInProgress"


class ActiveInstanceRefreshNotFound(ServiceException):
    code = "ActiveInstanceRefreshNotFound"


class ValidationError(ServiceException):
    code = "ValidationError"


def _now():
    return datetime.datetime.now(datetime.timezone.utc)


def _group(response, name):
    backend = autoscaling_backends[response.current_account][response.region]
    group = backend.autoscaling_groups.get(name)
    if group is None:
        raise ValidationError(f"AutoScalingGroup name not found - {name}")
    return group


def _records(response, name):
    return _refreshes.setdefault((response.current_account, response.region, name), [])


def _active(records):
    return next((r for r in records if r["Status"] in ACTIVE), None)


def _tag(group, key, default):
    for tag in group.tags:
        if tag.get("Key") == key:
            return tag.get("Value")
    return default


def _advance(record, group):
    """Moves a refresh one step; called after its state was reported."""
    status = record["Status"]
    if status not in ACTIVE:
        return
    if status in ("Cancelling", "RollbackInProgress"):
        record["Status"] = "Cancelled" if status == "Cancelling" else "RollbackSuccessful"
    elif status == "Pending":
        record["Status"] = "InProgress"
        record["_step"] = 1
        record["PercentageComplete"] = 100 // (record["_steps"] + 1)
    elif record["_step"] < record["_steps"]:
        record["_step"] += 1
        record["PercentageComplete"] = 100 * record["_step"] // (record["_steps"] + 1)
    else:
        record["Status"] = record["_outcome"]
        if record["Status"] == "Successful":
            record["PercentageComplete"] = 100
            lt = (record.get("DesiredConfiguration") or {}).get("LaunchTemplate")
            if lt:
                group._set_launch_configuration(None, dict(lt), None)
    if record["Status"] not in ACTIVE:
        record["EndTime"] = _now()
        record["StatusReason"] = f"emulated outcome {record['Status']}"


def start_instance_refresh(self):
    name = self._get_param("AutoScalingGroupName")
    group = _group(self, name)
    outcome = _tag(group, OUTCOME_TAG, "Successful")
    if outcome not in OUTCOMES:
        raise ValidationError(f"{OUTCOME_TAG} must be one of {', '.join(OUTCOMES)}")
    with _lock:
        records = _records(self, name)
        if _active(records):
            raise InstanceRefreshInProgress(
                "An Instance Refresh is already in progress and blocks the execution of this Instance Refresh."
            )
        record = {
            "InstanceRefreshId": str(uuid.uuid4()),
            "AutoScalingGroupName": name,
            "Status": "Pending",
            "StartTime": _now(),
            "PercentageComplete": 0,
            "InstancesToUpdate": group.desired_capacity or 0,
            "Strategy": self._get_param("Strategy", "Rolling"),
            "Preferences": self._get_param("Preferences", {}),
            "_outcome": outcome,
            "_steps": int(_tag(group, STEPS_TAG, "1")),
            "_step": 0,
        }
        if self._get_param("DesiredConfiguration"):
            record["DesiredConfiguration"] = self._get_param("DesiredConfiguration")
        records.insert(0, record)
    return ActionResult({"InstanceRefreshId": record["InstanceRefreshId"]})


def describe_instance_refreshes(self):
    name = self._get_param("AutoScalingGroupName")
    group = _group(self, name)
    wanted = self._get_param("InstanceRefreshIds") or []
    limit = self._get_int_param("MaxRecords") or 50
    with _lock:
        shown = [r for r in _records(self, name) if not wanted or r["InstanceRefreshId"] in wanted][:limit]
        answer = [{k: copy.deepcopy(v) for k, v in r.items() if not k.startswith("_")} for r in shown]
        for record in shown:
            _advance(record, group)
    return ActionResult({"InstanceRefreshes": answer})


def _end_active(self, new_status):
    name = self._get_param("AutoScalingGroupName")
    _group(self, name)
    with _lock:
        record = _active(_records(self, name))
        if record is None or record["Status"] not in ("Pending", "InProgress", "Baking"):
            raise ActiveInstanceRefreshNotFound(
                "No in progress or pending Instance Refresh found for Auto Scaling group " + name
            )
        record["Status"] = new_status
    return ActionResult({"InstanceRefreshId": record["InstanceRefreshId"]})


def cancel_instance_refresh(self):
    return _end_active(self, "Cancelling")


def rollback_instance_refresh(self):
    return _end_active(self, "RollbackInProgress")


_moto_create_launch_template_version = LaunchTemplates.create_launch_template_version


def create_launch_template_version(self):
    source = self._get_param("SourceVersion")
    if source:
        name = self._get_param("LaunchTemplateName")
        template_id = self._get_param("LaunchTemplateId")
        template = (
            self.ec2_backend.get_launch_template(template_id)
            if template_id
            else self.ec2_backend.get_launch_template_by_name(name)
        )
        merged = copy.deepcopy(template.get_version(source).data)
        merged.update(self._get_param("LaunchTemplateData", {}))
        self.params["LaunchTemplateData"] = merged
    return _moto_create_launch_template_version(self)


def install():
    AutoScalingResponse.start_instance_refresh = start_instance_refresh
    AutoScalingResponse.describe_instance_refreshes = describe_instance_refreshes
    AutoScalingResponse.cancel_instance_refresh = cancel_instance_refresh
    AutoScalingResponse.rollback_instance_refresh = rollback_instance_refresh
    LaunchTemplates.create_launch_template_version = create_launch_template_version


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--port-file", required=True)
    args = parser.parse_args()

    install()
    server = make_server(args.host, args.port, DomainDispatcherApplication(create_backend_app), threaded=True)
    os.environ.setdefault("MOTO_PORT", str(server.server_port))
    tmp = args.port_file + ".tmp"
    with open(tmp, "w", encoding="ascii") as handle:
        handle.write(f"{server.server_port}\n")
    os.replace(tmp, args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
