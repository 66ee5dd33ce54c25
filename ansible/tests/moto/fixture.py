#!/usr/bin/env python3
"""TEST-ONLY: the AWS side of tests/rollout-against-moto.sh, run against moto (AWS_ENDPOINT_URL must point at it).

  fixture.py setup               creates the VPC, subnet, AMIs, launch template, group, alarms and a stack whose
                                 outputs name them; prints NAME=value lines for the shell
  fixture.py ami NAME            registers one more AMI and prints its ID
  fixture.py tag KEY VALUE       sets a tag on the group (the moto extension reads its moto-refresh-* tags)
  fixture.py state FILE          writes the launch template's versions, the group's launch template and its
                                 refreshes as JSON (describing refreshes moves active ones on by one step)
"""

import json
import sys

import boto3

GROUP = "storefront-asg"
TEMPLATE = "storefront"
STACK = "storefront-test"
ALARMS = ("storefront-alb-5xx-rate", "storefront-target-p99")


def register_ami(ec2, name):
    return ec2.register_image(
        Name=name,
        RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 8}}],
    )["ImageId"]


def setup():
    ec2 = boto3.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24")["Subnet"]["SubnetId"]
    old_ami = register_ami(ec2, "storefront-old")
    new_ami = register_ami(ec2, "storefront-new")
    template = ec2.create_launch_template(
        LaunchTemplateName=TEMPLATE,
        LaunchTemplateData={"ImageId": old_ami, "InstanceType": "t3.small"},
    )["LaunchTemplate"]["LaunchTemplateId"]
    boto3.client("autoscaling").create_auto_scaling_group(
        AutoScalingGroupName=GROUP,
        LaunchTemplate={"LaunchTemplateId": template, "Version": "1"},
        MinSize=2,
        MaxSize=4,
        DesiredCapacity=3,
        VPCZoneIdentifier=subnet,
    )
    cloudwatch = boto3.client("cloudwatch")
    for alarm in ALARMS:
        cloudwatch.put_metric_alarm(
            AlarmName=alarm,
            Namespace="AWS/ApplicationELB",
            MetricName="HTTPCode_Target_5XX_Count",
            Statistic="Sum",
            Period=60,
            EvaluationPeriods=2,
            Threshold=5,
            ComparisonOperator="GreaterThanThreshold",
        )
    stack = {
        "Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}},
        "Outputs": {
            "LaunchTemplateId": {"Value": template},
            "AutoScalingGroupName": {"Value": GROUP},
            "RolloutAlarmNames": {"Value": ",".join(ALARMS)},
        },
    }
    boto3.client("cloudformation").create_stack(StackName=STACK, TemplateBody=json.dumps(stack))
    for name, value in (
        ("OLD_AMI", old_ami),
        ("NEW_AMI", new_ami),
        ("LT_ID", template),
        ("ASG", GROUP),
        ("STACK", STACK),
        ("ALARMS", ",".join(ALARMS)),
    ):
        print(f"{name}={value}")


def tag(key, value):
    boto3.client("autoscaling").create_or_update_tags(
        Tags=[
            {
                "ResourceId": GROUP,
                "ResourceType": "auto-scaling-group",
                "Key": key,
                "Value": value,
                "PropagateAtLaunch": False,
            }
        ]
    )


def state(path):
    ec2 = boto3.client("ec2")
    autoscaling = boto3.client("autoscaling")
    versions = ec2.describe_launch_template_versions(LaunchTemplateName=TEMPLATE)["LaunchTemplateVersions"]
    template = ec2.describe_launch_templates(LaunchTemplateNames=[TEMPLATE])["LaunchTemplates"][0]
    group = autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[GROUP])["AutoScalingGroups"][0]
    refreshes = autoscaling.describe_instance_refreshes(AutoScalingGroupName=GROUP)["InstanceRefreshes"]
    result = {
        "versions": {str(v["VersionNumber"]): v for v in versions},
        "default_version": template["DefaultVersionNumber"],
        "group_template": group["LaunchTemplate"],
        "refreshes": refreshes,
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(result, handle, default=str, indent=1)


def main(argv):
    if argv[:1] == ["setup"]:
        setup()
    elif argv[:1] == ["ami"] and len(argv) == 2:
        print(register_ami(boto3.client("ec2"), argv[1]))
    elif argv[:1] == ["tag"] and len(argv) == 3:
        tag(argv[1], argv[2])
    elif argv[:1] == ["state"] and len(argv) == 2:
        state(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
