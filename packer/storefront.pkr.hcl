# The storefront AMI: official Debian 12, provisioned by ansible/site.yml with one storefront artefact.
#
#   packer build -var storefront_artifact=dist/storefront-1.4.0.tar.gz -var storefront_version=1.4.0 \
#     -var git_commit=$(git rev-parse HEAD) -var kms_key_id=arn:aws:kms:… packer/
#   bash packer/check.sh      # fmt and validate, offline, with dummy values
# (Packer 1.6.6 reads -var-file as JSON only, even for HCL2 templates: prefer -var.)
#
# Written for the builders and provisioners built into Packer 1.6.6 (Debian's package). Newer Packer loads the
# same directory once `packer init packer/plugins/required_plugins.pkr.hcl` has installed the plugins; the
# native-ami workflow validates it that way. Where 1.6.6 lacks a setting (IMDSv2 on the build instance and
# on the AMI), the 1.6.6 way is used and the newer setting is named.

locals {
  # UTC, sortable, and only characters EC2 accepts in AMI names.
  build_time = formatdate("YYYYMMDD-hhmmss", timestamp())
  ami_name   = "storefront-${var.storefront_version}-${var.storefront_artifact_kind}-${local.build_time}"

  common_tags = {
    Version      = var.storefront_version
    GitCommit    = var.git_commit
    BuiltBy      = var.built_by
    ArtifactKind = var.storefront_artifact_kind
    Environment  = var.environment
  }

  # Debian's AMIs ship without the SSM agent, so Session Manager could never reach the build instance:
  # with that choice the agent is installed at first boot from AWS's regional bucket (and stays in the AMI).
  ssm_agent_user_data = <<-SCRIPT
    #!/bin/sh
    set -eu
    curl -fsS --retry 5 -o /tmp/amazon-ssm-agent.deb \
      "https://s3.${var.region}.amazonaws.com/amazon-ssm-${var.region}/latest/debian_amd64/amazon-ssm-agent.deb"
    dpkg -i /tmp/amazon-ssm-agent.deb
    rm -f /tmp/amazon-ssm-agent.deb
    systemctl enable --now amazon-ssm-agent
  SCRIPT
}

source "amazon-ebs" "storefront" {
  region        = var.region
  instance_type = var.instance_type
  subnet_id     = var.subnet_id == "" ? null : var.subnet_id

  source_ami_filter {
    filters = {
      # Release images only: the daily and backports builds have other name prefixes or owners.
      name                = "debian-12-amd64-*"
      architecture        = "x86_64"
      virtualization-type = "hvm"
      root-device-type    = "ebs"
    }
    owners      = ["136693071363"] # Debian's official cloud images
    most_recent = true
  }

  # Encrypted from the first boot with our key, so the AMI's snapshot is encrypted with it too. encrypt_boot
  # is deliberately not set: with the launch volume already under kms_key_id it would only add a slow
  # CopyImage of an identical image. Throughput and IOPS are gp3's included baseline; 1.6.6 rejects gp3
  # without an explicit throughput.
  launch_block_device_mappings {
    device_name           = "/dev/xvda"
    volume_size           = var.root_volume_size_gb
    volume_type           = "gp3"
    throughput            = 125
    iops                  = 3000
    encrypted             = true
    kms_key_id            = var.kms_key_id
    delete_on_termination = true
  }

  communicator                          = "ssh"
  ssh_username                          = "admin"
  ssh_interface                         = var.ssh_interface
  ssh_timeout                           = "10m"
  temporary_security_group_source_cidrs = var.ssh_allowed_cidrs
  iam_instance_profile                  = var.ssm_instance_profile == "" ? null : var.ssm_instance_profile
  user_data                             = var.ssh_interface == "session_manager" ? local.ssm_agent_user_data : null

  ami_name        = local.ami_name
  ami_description = "Storefront ${var.storefront_version} (${var.storefront_artifact_kind}) on Debian 12, commit ${var.git_commit}"

  tags = merge(local.common_tags, {
    Name      = local.ami_name
    SourceAMI = "{{ .SourceAMI }}"
  })
  snapshot_tags = merge(local.common_tags, {
    Name      = "${local.ami_name}-root"
    SourceAMI = "{{ .SourceAMI }}"
  })
  run_tags = merge(local.common_tags, {
    Name = "packer-build-${local.ami_name}"
  })
  run_volume_tags = merge(local.common_tags, {
    Name = "packer-build-${local.ami_name}"
  })
}

build {
  sources = ["source.amazon-ebs.storefront"]

  # Packer 1.6.6's amazon-ebs has no metadata_options (newer plugins: metadata_options { http_tokens =
  # "required" }), so IMDSv1 is switched off on the running build instance before anything of ours runs on it;
  # until then only Debian's own first boot has run there.
  provisioner "shell-local" {
    inline = ["bash '${abspath(path.root)}/imds-v2.sh' instance '${var.region}' '${build.ID}'"]
  }

  provisioner "ansible" {
    playbook_file = "${path.root}/../ansible/site.yml"
    groups        = ["storefront_instances"]
    user          = "admin"

    # Ansible connects straight to the instance with the temporary key instead of through Packer's local SSH
    # proxy, whose ssh-rsa (SHA-1) host key and signatures OpenSSH >= 8.8 on the Packer machine refuses.
    use_proxy = false

    ansible_env_vars = [
      "ANSIBLE_CONFIG=${abspath(path.root)}/../ansible/ansible.cfg",
    ]

    # One JSON document, so no value can be split on spaces. The artefact path is made absolute because
    # Ansible resolves a relative copy source against the role, not against where Packer runs.
    extra_arguments = [
      "--extra-vars",
      jsonencode({
        storefront_artifact      = abspath(var.storefront_artifact)
        storefront_artifact_kind = var.storefront_artifact_kind
        storefront_environment   = var.environment
      }),
    ]
  }

  # Every instance must start as a new machine: its own machine-id (journal, DHCP client id) and a cloud-init
  # that runs the launch template's user data again.
  provisioner "shell" {
    inline = ["sudo cloud-init clean --logs", "sudo truncate -s 0 /etc/machine-id"]
  }

  post-processors {
    post-processor "manifest" {
      output     = "${path.root}/manifest.json"
      strip_path = true
      custom_data = {
        version       = var.storefront_version
        git_commit    = var.git_commit
        artifact_kind = var.storefront_artifact_kind
        environment   = var.environment
      }
    }

    # Packer 1.6.6's amazon-ebs cannot set the AMI attribute ImdsSupport=v2.0 (instances launched from the
    # AMI then require IMDSv2 by default); packer-plugin-amazon gained `imds_support = "v2.0"` for this
    # builder in 2023 (hashicorp/packer-plugin-amazon#346). Until 1.6.6 is gone it is set right after the
    # build with the AWS CLI, on the AMI the manifest above just recorded.
    post-processor "shell-local" {
      inline = ["bash '${abspath(path.root)}/imds-v2.sh' ami '${abspath(path.root)}/manifest.json'"]
    }
  }
}
