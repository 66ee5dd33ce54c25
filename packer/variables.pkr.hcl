# Inputs of the storefront AMI build. Values come from -var on the command line (packer/check.sh, the
# native-ami workflow); the artefact, its version and commit have no default so that no AMI can be
# built from something unnamed.

variable "region" {
  type        = string
  description = "AWS region the build instance runs in and the AMI is registered in."
  default     = "eu-central-1"

  validation {
    condition     = var.region != "" && regex_replace(var.region, "^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", "") == ""
    error_message = "The region must look like an AWS region name, e.g. eu-central-1."
  }
}

variable "environment" {
  type        = string
  description = "Environment the AMI is meant for (the stack's name for it, e.g. staging or prod); tagged, and the default SSM path when an instance has no /etc/storefront/instance.env."
  default     = "staging"

  validation {
    condition     = length(var.environment) >= 2 && length(var.environment) <= 16 && regex_replace(var.environment, "^[a-z][a-z0-9-]*$", "") == ""
    error_message = "The environment must be a stack environment name: 2-16 lower-case letters, digits or hyphens, starting with a letter (e.g. staging, prod)."
  }
}

variable "storefront_version" {
  type        = string
  description = "Version of the storefront in the artefact (Maven version or release tag without the v), e.g. 1.4.0."

  validation {
    condition     = var.storefront_version != "" && regex_replace(var.storefront_version, "^[0-9]+\\.[0-9]+\\.[0-9]+([.-][0-9A-Za-z.-]+)?$", "") == ""
    error_message = "The storefront_version must be a version like 1.4.0 or 1.4.0-SNAPSHOT; it goes into the AMI name."
  }
}

variable "git_commit" {
  type        = string
  description = "Full git commit hash the artefact was built from (git rev-parse HEAD)."

  validation {
    condition     = var.git_commit != "" && regex_replace(var.git_commit, "^[0-9a-f]{40}$", "") == ""
    error_message = "The git_commit must be a full 40-character lowercase hex commit hash."
  }
}

variable "storefront_artifact" {
  type        = string
  description = "Path on the machine running Packer to the artefact: packer/build-artifact.sh's storefront-<version>.tar.gz (jvm) or the Quarkus native executable (native)."

  # Checked at validate time, before any AWS call: a typo should not cost a build instance.
  validation {
    condition     = fileexists(var.storefront_artifact)
    error_message = "The storefront_artifact must be an existing file on this machine."
  }
}

variable "storefront_artifact_kind" {
  type        = string
  description = "What storefront_artifact is: jvm (tarball with jlinked runtime, fast-jar app and AOT cache) or native (executable)."
  default     = "jvm"

  validation {
    condition     = contains(["jvm", "native"], var.storefront_artifact_kind)
    error_message = "The storefront_artifact_kind must be jvm or native."
  }
}

variable "kms_key_id" {
  type        = string
  description = "KMS key (ARN, key id or alias ARN) that encrypts the build instance's root volume and the AMI's snapshot."

  validation {
    condition     = var.kms_key_id != "" && regex_replace(var.kms_key_id, "^(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$", "") == ""
    error_message = "The kms_key_id must be a KMS key ARN, alias ARN, key id or multi-Region key id (a bare alias/name is not accepted by EC2 for snapshots)."
  }
}

variable "instance_type" {
  type        = string
  description = "Instance type of the temporary build instance (x86_64; the artefact is amd64)."
  default     = "t3.medium"

  validation {
    condition     = var.instance_type != "" && regex_replace(var.instance_type, "^[a-z][a-z0-9-]*\\.[a-z0-9]+$", "") == ""
    error_message = "The instance_type must look like an EC2 instance type, e.g. t3.medium."
  }
}

variable "root_volume_size_gb" {
  type        = number
  description = "Size of the AMI's root volume in GiB."
  default     = 8

  validation {
    condition     = var.root_volume_size_gb >= 8 && var.root_volume_size_gb <= 64
    error_message = "The root_volume_size_gb must be between 8 (the Debian AMI's own size) and 64."
  }
}

variable "subnet_id" {
  type        = string
  description = "Subnet for the build instance; empty lets EC2 pick the default VPC's subnet. With ssh_interface public_ip it needs a route to the internet gateway."
  default     = ""

  validation {
    condition     = var.subnet_id == "" || regex_replace(var.subnet_id, "^subnet-[0-9a-f]+$", "") == ""
    error_message = "The subnet_id must be empty or a subnet id (subnet-…)."
  }
}

variable "ssh_interface" {
  type        = string
  description = "How Packer and Ansible reach the build instance: public_ip or private_ip (SSH with the temporary key), or session_manager (SSH tunnelled through SSM: no inbound port, needs ssm_instance_profile and the session-manager-plugin where Packer runs)."
  default     = "public_ip"

  validation {
    condition     = contains(["public_ip", "private_ip", "session_manager"], var.ssh_interface)
    error_message = "The ssh_interface must be public_ip, private_ip or session_manager."
  }
}

variable "ssm_instance_profile" {
  type        = string
  description = "Instance profile for the build instance (required with ssh_interface session_manager: it must allow the SSM agent, e.g. the AmazonSSMManagedInstanceCore policy). Empty: no profile."
  default     = ""
}

variable "ssh_allowed_cidrs" {
  type        = list(string)
  description = "Source CIDRs allowed to port 22 of the temporary security group. Session Manager needs no inbound access; narrow it to the CI runner's or office's egress address in any case."
  default     = ["0.0.0.0/0"]

  validation {
    condition     = length(var.ssh_allowed_cidrs) > 0 && length([for c in var.ssh_allowed_cidrs : c if ! can(cidrnetmask(c))]) == 0
    error_message = "The ssh_allowed_cidrs must be a non-empty list of IPv4 CIDR blocks."
  }
}

variable "built_by" {
  type        = string
  description = "Who or what ran the build (CI run URL or user name), for the BuiltBy tag."
  default     = "unknown"
}
