#!/usr/bin/env bash
# Lints our protos with buf (STANDARD rules):  bash scripts/lint-protos.sh
# The API's protos import google/api/annotations.proto and http.proto (HTTP/JSON transcoding). The tree does not keep
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

workspace=$(mktemp -d "${TMPDIR:-/tmp}/eventdialogue-protos.XXXXXX")
trap 'rm -rf "$workspace"' EXIT
for entry in "$root"/protos/*; do
  ln -s "$entry" "$workspace/$(basename "$entry")"
done
mkdir -p "$workspace/third_party/googleapis/google"
ln -s "$google/google/api" "$workspace/third_party/googleapis/google/api"

cd "$workspace"
bash "$root/scripts/buf.sh" lint .
