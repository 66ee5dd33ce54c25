#!/usr/bin/env bash
# IMDSv2 only, for what Packer 1.6.6's amazon-ebs builder cannot configure itself. Run by the template
# on the machine running Packer, with the same AWS credentials as the build:
#   imds-v2.sh instance REGION INSTANCE_ID   the build instance: HttpTokens=required before provisioning
#   imds-v2.sh ami MANIFEST                  the AMIs of the manifest's last run: ImdsSupport=v2.0
# Needs the AWS CLI and jq. Both steps are idempotent.
set -euo pipefail

die() { echo "imds-v2.sh: $*" >&2; exit 1; }

for tool in aws jq; do
  command -v "$tool" >/dev/null || die "$tool is not installed; it is needed to require IMDSv2 (see packer/storefront.pkr.hcl)"
done

instance() {
  local region=$1 id=$2 state tokens
  [[ $id == i-* ]] || die "not an EC2 instance id: '$id'"
  aws ec2 modify-instance-metadata-options --region "$region" --instance-id "$id" \
    --http-tokens required --http-endpoint enabled --http-put-response-hop-limit 1 >/dev/null
  # The change is asynchronous: provisioning must not start while IMDSv1 still answers.
  for _ in $(seq 1 30); do
    read -r state tokens < <(aws ec2 describe-instances --region "$region" --instance-ids "$id" \
      --query 'Reservations[0].Instances[0].MetadataOptions.[State,HttpTokens]' --output text)
    if [[ $state == applied ]]; then
      [[ $tokens == required ]] || die "$id: HttpTokens is '$tokens' after the change"
      echo "$id: IMDSv2 required"
      return
    fi
    sleep 2
  done
  die "$id: metadata options still '$state' after 60 s"
}

ami() {
  local manifest=$1 artifacts pair region image current
  local -a pairs
  [[ -f $manifest ]] || die "no manifest at $manifest"
  # Every build appends to the manifest; only the artefacts of the run that just ended are ours.
  artifacts=$(jq -r '.last_run_uuid as $run | [.builds[] | select(.packer_run_uuid == $run) | .artifact_id] | join(",")' "$manifest")
  [[ -n $artifacts ]] || die "the manifest has no artefact for its last run ($manifest)"
  IFS=, read -r -a pairs <<<"$artifacts"
  for pair in "${pairs[@]}"; do
    region=${pair%%:*} image=${pair#*:}
    [[ $image == ami-* && -n $region ]] || die "unexpected artefact id '$pair' (expected region:ami-…)"
    current=$(aws ec2 describe-images --region "$region" --image-ids "$image" --query 'Images[0].ImdsSupport' --output text)
    # Setting v2.0 cannot be undone, and asking for it twice is not needed.
    if [[ $current != v2.0 ]]; then
      aws ec2 modify-image-attribute --region "$region" --image-id "$image" --imds-support v2.0
    fi
    echo "$region $image: ImdsSupport v2.0"
  done
}

case "${1:-}" in
  instance) (($# == 3)) || die "usage: $0 instance REGION INSTANCE_ID"; instance "$2" "$3" ;;
  ami) (($# == 2)) || die "usage: $0 ami MANIFEST"; ami "$2" ;;
  *) die "usage: $0 instance REGION INSTANCE_ID | ami MANIFEST" ;;
esac
