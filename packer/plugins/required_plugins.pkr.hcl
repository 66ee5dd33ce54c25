# Plugin requirements for Packer >= 1.7, which no longer builds in amazon-ebs and ansible and installs them
# with `packer init`. Kept out of packer/ on purpose: Debian's Packer 1.6.6 loads every *.pkr.hcl there and
# rejects a required_plugins block, while it loads nothing from this subdirectory.
#
#   packer init packer/plugins/required_plugins.pkr.hcl   # installs into the user's plugin directory
#   packer build -var … packer/                           # newer Packer finds the installed plugins there
#
# The native-ami workflow (.github/workflows/native-ami.yml) does exactly this with a pinned Packer.
packer {
  required_version = ">= 1.7.0"

  required_plugins {
    amazon = {
      source  = "github.com/hashicorp/amazon"
      version = "~> 1.8"
    }
    ansible = {
      source  = "github.com/hashicorp/ansible"
      version = "~> 1.1"
    }
  }
}
