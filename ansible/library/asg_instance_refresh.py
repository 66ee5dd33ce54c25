#!/usr/bin/python
# -*- coding: utf-8 -*-
# Why a module of our own: community.aws.autoscaling_instance_refresh (5.x) knows neither DesiredConfiguration,
# so it cannot pin a launch-template version, nor AutoRollback, AlarmSpecification or RollbackInstanceRefresh.
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: asg_instance_refresh
short_description: Start, roll back or cancel an instance refresh pinned to a launch-template version
description:
  - C(state=started) starts a rolling instance refresh of an Auto Scaling group whose DesiredConfiguration names
    one launch-template version by number, never C($Latest) or C($Default).
  - It refuses to start while another refresh of the group is active, and says which one.
  - C(state=rolled_back) calls RollbackInstanceRefresh on the active refresh; C(state=cancelled) cancels it.
  - Supports check mode. Needs a botocore that knows AlarmSpecification and RollbackInstanceRefresh.
options:
  name:
    description: Name of the Auto Scaling group.
    type: str
    required: true
  state:
    description: What to do.
    type: str
    choices: [started, rolled_back, cancelled]
    default: started
  launch_template_id:
    description: Launch template of the desired configuration (I(state=started)).
    type: str
  launch_template_version:
    description: Version number of the desired configuration (I(state=started)).
    type: int
  preferences:
    description: RefreshPreferences; unset ones keep AWS's defaults.
    type: dict
    default: {}
    suboptions:
      min_healthy_percentage: {type: int, description: MinHealthyPercentage.}
      max_healthy_percentage: {type: int, description: MaxHealthyPercentage.}
      instance_warmup: {type: int, description: InstanceWarmup in seconds.}
      checkpoint_percentages: {type: list, elements: int, description: CheckpointPercentages; the last one 100.}
      checkpoint_delay: {type: int, description: CheckpointDelay in seconds.}
      skip_matching: {type: bool, description: SkipMatching.}
      auto_rollback: {type: bool, description: AutoRollback.}
      alarms: {type: list, elements: str, description: Names of the CloudWatch alarms of AlarmSpecification.}
      scale_in_protected_instances: {type: str, choices: [Refresh, Ignore, Wait], description: ScaleInProtectedInstances.}
      standby_instances: {type: str, choices: [Terminate, Ignore, Wait], description: StandbyInstances.}
extends_documentation_fragment:
  - amazon.aws.aws
  - amazon.aws.ec2
"""

EXAMPLES = r"""
- name: Replace every instance with version 5 of the template
  asg_instance_refresh:
    name: storefront-asg
    launch_template_id: lt-0abc
    launch_template_version: 5
    preferences:
      min_healthy_percentage: 90
      skip_matching: true
      auto_rollback: true
      alarms: [storefront-5xx, storefront-p99]
  register: refresh
"""

RETURN = r"""
instance_refresh_id:
  description: ID of the refresh started, rolled back or cancelled; null in check mode.
  returned: always
  type: str
"""

try:
    import botocore
except ImportError:
    pass  # AnsibleAWSModule reports a missing botocore

from ansible_collections.amazon.aws.plugins.module_utils.botocore import is_boto3_error_code
from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

ACTIVE = ("Pending", "InProgress", "Baking", "Cancelling", "RollbackInProgress")
PREFERENCE_NAMES = {
    "min_healthy_percentage": "MinHealthyPercentage",
    "max_healthy_percentage": "MaxHealthyPercentage",
    "instance_warmup": "InstanceWarmup",
    "checkpoint_percentages": "CheckpointPercentages",
    "checkpoint_delay": "CheckpointDelay",
    "skip_matching": "SkipMatching",
    "auto_rollback": "AutoRollback",
    "scale_in_protected_instances": "ScaleInProtectedInstances",
    "standby_instances": "StandbyInstances",
}


def require_current_api(module, autoscaling):
    # An older botocore would reject AlarmSpecification client-side with a less helpful message.
    model = autoscaling.meta.service_model
    if "RollbackInstanceRefresh" not in model.operation_names or "AlarmSpecification" not in model.shape_for(
        "RefreshPreferences"
    ).members:
        module.fail_json(
            msg=f"botocore {botocore.__version__} does not know AlarmSpecification/RollbackInstanceRefresh; run with "
            "a Python whose boto3 is recent (-e ansible_python_interpreter=...)"
        )


def active_refresh(autoscaling, name):
    refreshes = autoscaling.describe_instance_refreshes(AutoScalingGroupName=name)["InstanceRefreshes"]
    return next((r for r in refreshes if r["Status"] in ACTIVE), None)


def busy_message(name, refresh):
    return (
        f"Instance refresh {refresh['InstanceRefreshId']} of {name} is {refresh['Status']} "
        f"({refresh.get('PercentageComplete', 0)}% done); not starting another. Wait for it to end, or roll it "
        "back with rollback.yml."
    )


def preferences_of(params):
    given = params["preferences"] or {}
    prefs = {PREFERENCE_NAMES[k]: v for k, v in given.items() if k in PREFERENCE_NAMES and v is not None}
    if given.get("alarms"):
        prefs["AlarmSpecification"] = {"Alarms": given["alarms"]}
    return prefs


def start(module, autoscaling):
    params = module.params
    name = params["name"]
    # In check mode the version to pin may not exist yet (it would be created by the run).
    if not params["launch_template_id"] or not (params["launch_template_version"] or module.check_mode):
        module.fail_json(msg="state=started needs launch_template_id and launch_template_version (a number)")
    request = {
        "AutoScalingGroupName": name,
        "Strategy": "Rolling",
        "DesiredConfiguration": {
            "LaunchTemplate": {
                "LaunchTemplateId": params["launch_template_id"],
                "Version": str(params["launch_template_version"] or "(to be created)"),
            }
        },
        "Preferences": preferences_of(params),
    }
    busy = active_refresh(autoscaling, name)
    if busy:
        module.fail_json(msg=busy_message(name, busy), active_refresh_id=busy["InstanceRefreshId"])
    if module.check_mode:
        module.exit_json(changed=True, instance_refresh_id=None, request=request)
    try:
        refresh_id = autoscaling.start_instance_refresh(**request)["InstanceRefreshId"]
    except is_boto3_error_code("InstanceRefreshInProgress"):
        # Another refresh started between our look and our start.
        busy = active_refresh(autoscaling, name) or {"InstanceRefreshId": "?", "Status": "InProgress"}
        module.fail_json(msg=busy_message(name, busy), active_refresh_id=busy["InstanceRefreshId"])
    module.exit_json(changed=True, instance_refresh_id=refresh_id, request=request)


def end_active(module, autoscaling):
    name = module.params["name"]
    busy = active_refresh(autoscaling, name)
    if busy is None or busy["Status"] not in ("Pending", "InProgress", "Baking"):
        state = f"it is {busy['Status']}" if busy else "there is none"
        module.fail_json(msg=f"No pending or in-progress instance refresh of {name} to end ({state})")
    if module.check_mode:
        module.exit_json(changed=True, instance_refresh_id=busy["InstanceRefreshId"])
    if module.params["state"] == "rolled_back":
        refresh_id = autoscaling.rollback_instance_refresh(AutoScalingGroupName=name)["InstanceRefreshId"]
    else:
        refresh_id = autoscaling.cancel_instance_refresh(AutoScalingGroupName=name)["InstanceRefreshId"]
    module.exit_json(changed=True, instance_refresh_id=refresh_id)


def main():
    preference_options = {key: {"type": "int"} for key in PREFERENCE_NAMES}
    preference_options.update(
        checkpoint_percentages={"type": "list", "elements": "int"},
        skip_matching={"type": "bool"},
        auto_rollback={"type": "bool"},
        alarms={"type": "list", "elements": "str"},
        scale_in_protected_instances={"type": "str", "choices": ["Refresh", "Ignore", "Wait"]},
        standby_instances={"type": "str", "choices": ["Terminate", "Ignore", "Wait"]},
    )
    module = AnsibleAWSModule(
        argument_spec={
            "name": {"type": "str", "required": True},
            "state": {"type": "str", "default": "started", "choices": ["started", "rolled_back", "cancelled"]},
            "launch_template_id": {"type": "str"},
            "launch_template_version": {"type": "int"},
            "preferences": {"type": "dict", "default": {}, "options": preference_options},
        },
        supports_check_mode=True,
    )
    autoscaling = module.client("autoscaling")
    require_current_api(module, autoscaling)
    try:
        if module.params["state"] == "started":
            start(module, autoscaling)
        end_active(module, autoscaling)
    except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as e:
        module.fail_json_aws(e, msg=f"Instance refresh of {module.params['name']}: could not be {module.params['state'].replace('_', ' ')}")


if __name__ == "__main__":
    main()
