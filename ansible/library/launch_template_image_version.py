#!/usr/bin/python
# -*- coding: utf-8 -*-
# Why a module of our own: community.aws.ec2_launch_template rebuilds a version from its own parameters and makes
# the new version the default; a rollout needs a copy of one given version with only the ImageId changed
# (CreateLaunchTemplateVersion with SourceVersion), and the default left alone until the refresh has succeeded.
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: launch_template_image_version
short_description: New launch-template version that differs from a source version only in its AMI
description:
  - Creates a version of an EC2 launch template from I(source_version) with only C(ImageId) set to I(image_id).
  - Does not change the template's default version.
  - When the source version already uses I(image_id), nothing is created and the source version is returned.
  - Supports check mode (reports what it would create).
options:
  template_id:
    description: ID of the launch template.
    type: str
    required: true
  source_version:
    description: Version number to copy.
    type: int
    required: true
  image_id:
    description: AMI of the new version.
    type: str
    required: true
  description:
    description: VersionDescription of the new version (at most 255 characters).
    type: str
extends_documentation_fragment:
  - amazon.aws.aws
  - amazon.aws.ec2
"""

EXAMPLES = r"""
- name: Version 4 with a new AMI
  launch_template_image_version:
    template_id: lt-0abc
    source_version: 4
    image_id: ami-0123456789abcdef0
    description: ami-0123456789abcdef0 (rollout from version 4)
  register: lt_version
"""

RETURN = r"""
version_number:
  description: Number of the version that has I(image_id); null in check mode when it would be created.
  returned: always
  type: int
source_version_number:
  description: The version copied.
  returned: always
  type: int
source_image_id:
  description: ImageId of the source version.
  returned: always
  type: str
"""

try:
    import botocore
except ImportError:
    pass  # AnsibleAWSModule reports a missing botocore

from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule


def main():
    module = AnsibleAWSModule(
        argument_spec={
            "template_id": {"type": "str", "required": True},
            "source_version": {"type": "int", "required": True},
            "image_id": {"type": "str", "required": True},
            "description": {"type": "str"},
        },
        supports_check_mode=True,
    )
    ec2 = module.client("ec2")
    params = module.params
    result = {"source_version_number": params["source_version"]}
    try:
        source = ec2.describe_launch_template_versions(
            LaunchTemplateId=params["template_id"], Versions=[str(params["source_version"])]
        )["LaunchTemplateVersions"][0]
        result["source_image_id"] = source.get("LaunchTemplateData", {}).get("ImageId")
        if result["source_image_id"] == params["image_id"]:
            module.exit_json(changed=False, version_number=params["source_version"], **result)
        if module.check_mode:
            module.exit_json(changed=True, version_number=None, **result)
        request = {
            "LaunchTemplateId": params["template_id"],
            "SourceVersion": str(params["source_version"]),
            "LaunchTemplateData": {"ImageId": params["image_id"]},
        }
        if params["description"]:
            request["VersionDescription"] = params["description"][:255]
        created = ec2.create_launch_template_version(**request)["LaunchTemplateVersion"]
    except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as e:
        module.fail_json_aws(e, msg=f"Could not create a version of {params['template_id']} with {params['image_id']}")
    module.exit_json(changed=True, version_number=created["VersionNumber"], **result)


if __name__ == "__main__":
    main()
