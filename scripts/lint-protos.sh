#!/usr/bin/env bash
# Lints our protos with buf (STANDARD rules):            bash scripts/lint-protos.sh
# Checks them for changes that break clients of a commit: bash scripts/lint-protos.sh breaking GIT-REF
# The API's protos import google/api/annotations.proto and http.proto (HTTP/JSON transcoding), and google/rpc/status.proto. The tree does not keep
# copies of them: they are taken from the Google.Api.CommonProtos NuGet package that the server compiles against (the
# version pinned in Directory.Packages.props, restored by any build), and put beside ours in a scratch workspace of
# links, so that buf (which cannot fetch them from the Buf Schema Registry here) lints exactly the files in protos/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version=$(sed -n 's/.*PackageVersion Include="Google.Api.CommonProtos" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")
if [ -z "$version" ]; then
  echo "Directory.Packages.props pins no version of Google.Api.CommonProtos" >&2
  exit 2
fi

packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
google="$packages/google.api.commonprotos/$version/content/protos"
if [ ! -f "$google/google/api/annotations.proto" ]; then
  echo "restoring the server's packages for Google.Api.CommonProtos $version ..." >&2
  dotnet restore "$root/src/EventDialogue.Server" --verbosity quiet >&2
fi
if [ ! -f "$google/google/api/annotations.proto" ]; then
  echo "no google/api/annotations.proto in $google after a restore" >&2
  exit 2
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/eventdialogue-protos.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# A buf workspace of links: the protos in $1, with Google's beside them where that tree does not carry its own copies
# (commits before this script kept them under protos/third_party).
workspace() {
  local protos=$1 into=$2
  mkdir -p "$into"
  for entry in "$protos"/*; do
    ln -s "$entry" "$into/$(basename "$entry")"
  done
  if [ ! -e "$into/third_party/googleapis/google/api" ]; then
    mkdir -p "$into/third_party/googleapis/google"
    ln -s "$google/google/api" "$into/third_party/googleapis/google/api"
  fi
  # google/rpc/status.proto (RecordRequests' refusals), from the same package, where that tree does not carry it
  if [ ! -e "$into/third_party/googleapis/google/rpc" ] && [ -d "$into/third_party/googleapis/google" ] && [ ! -L "$into/third_party" ]; then
    ln -s "$google/google/rpc" "$into/third_party/googleapis/google/rpc"
  fi
}

workspace "$root/protos" "$scratch/current"
case "${1:-lint}" in
  lint)
    cd "$scratch/current"
    bash "$root/scripts/buf.sh" lint .
    ;;
  breaking)
    against=${2:?"name the commit to compare with: bash scripts/lint-protos.sh breaking GIT-REF"}
    mkdir -p "$scratch/against-tree"
    git -C "$root" archive "$against" protos | tar -x -C "$scratch/against-tree"
    workspace "$scratch/against-tree/protos" "$scratch/against"
    cd "$scratch"
    bash "$root/scripts/buf.sh" breaking current --against against
    ;;
  *)
    echo "usage: bash scripts/lint-protos.sh [lint | breaking GIT-REF]" >&2
    exit 2
    ;;
esac
