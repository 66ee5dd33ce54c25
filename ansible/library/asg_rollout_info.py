#!/usr/bin/python
# -*- coding: utf-8 -*-
# Why a module of our own: amazon.aws 5.x's autoscaling_group_info neither resolves the group's launch-template
# version ($Default, $Latest) to a number nor shows that version's ImageId and description, which rollout.yml
# and rollback.yml need together with the group's instance refreshes, in one look.
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: asg_rollout_info
short_description: Launch-template version and instance refreshes of an EC2 Auto Scaling group
description:
  - Reads the launch template the group uses, resolves its version (a number, C($Default) or C($Latest))
    to a version number, and returns that version's ImageId and description.
  - Returns the group's instance refreshes, newest first, and the one still active, if any.
  - Read-only; supports check mode.
options:
  name:
    description: Name of the Auto Scaling group.
    type: str
    required: true
  instance_refresh_id:
    description: Only this instance refresh is described (returned as I(instance_refresh)).
    type: str
extends_documentation_fragment:
  - amazon.aws.aws
  - amazon.aws.ec2
"""

EXAMPLES = r"""
- name: Where the group stands
  asg_rollout_info:
    name: storefront-asg
  register: asg
"""

RETURN = r"""
launch_template:
  description: The group's launch template, its configured and resolved version, and that version's AMI.
  returned: always
  type: dict
  sample: {"id": "lt-0abc", "name": "storefront", "version": "4", "version_number": 4, "image_id": "ami-0123",
           "version_description": "ami-0123 (rollout from version 3)", "default_version_number": 1,
           "latest_version_number": 4}
instance_refreshes:
  description: Instance refreshes of the group, newest first, keys in snake_case.
  returned: always
  type: list
  elements: dict
active_refresh:
  description: The refresh that is Pending, InProgress, Baking, Cancelling or RollbackInProgress, else null.
  returned: always
  type: dict
instance_refresh:
  description: The refresh named by I(instance_refresh_id), else null.
  returned: always
  type: dict
"""

try:
    import botocore
except ImportError:
    pass  # AnsibleAWSModule reports a missing botocore

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict
from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

ACTIVE = ("Pending", "InProgress", "Baking", "Cancelling", "RollbackInProgress")


def resolve_launch_template(module, ec2, group):
    spec = group.get("LaunchTemplate")
    if not spec:
        module.fail_json(
            msg=f"Auto Scaling group {group['AutoScalingGroupName']} has no LaunchTemplate (launch configurations "
            "and mixed-instances policies are not supported by this rollout)"
        )
    configured = spec.get("Version") or "$Default"
    template = ec2.describe_launch_templates(LaunchTemplateIds=[spec["LaunchTemplateId"]])["LaunchTemplates"][0]
    version = ec2.describe_launch_template_versions(
        LaunchTemplateId=spec["LaunchTemplateId"], Versions=[configured]
    )["LaunchTemplateVersions"][0]
    return {
        "id": spec["LaunchTemplateId"],
        "name": template["LaunchTemplateName"],
        "version": spec.get("Version"),
        "version_number": version["VersionNumber"],
        "image_id": version.get("LaunchTemplateData", {}).get("ImageId"),
        "version_description": version.get("VersionDescription", ""),
        "default_version_number": template["DefaultVersionNumber"],
        "latest_version_number": template["LatestVersionNumber"],
    }


def main():
    module = AnsibleAWSModule(
        argument_spec={"name": {"type": "str", "required": True}, "instance_refresh_id": {"type": "str"}},
        supports_check_mode=True,
    )
    autoscaling = module.client("autoscaling")
    ec2 = module.client("ec2")
    name = module.params["name"]
    refresh_id = module.params["instance_refresh_id"]
    try:
        groups = autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[name])["AutoScalingGroups"]
        if not groups:
            module.fail_json(msg=f"Auto Scaling group {name} not found")
        launch_template = resolve_launch_template(module, ec2, groups[0])
        query = {"AutoScalingGroupName": name}
        if refresh_id:
            query["InstanceRefreshIds"] = [refresh_id]
        refreshes = autoscaling.describe_instance_refreshes(**query)["InstanceRefreshes"]
    except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as e:
        module.fail_json_aws(e, msg=f"Could not describe Auto Scaling group {name}")

    refreshes = [camel_dict_to_snake_dict(r, ignore_list=["Tags"]) for r in refreshes]
    active = next((r for r in refreshes if r["status"] in ACTIVE), None)
    single = next((r for r in refreshes if r["instance_refresh_id"] == refresh_id), None) if refresh_id else None
    if refresh_id and single is None:
        module.fail_json(msg=f"Instance refresh {refresh_id} of {name} not found")
    module.exit_json(
        changed=False,
        launch_template=launch_template,
        instance_refreshes=refreshes,
        active_refresh=active,
        instance_refresh=single,
    )


if __name__ == "__main__":
    main()
