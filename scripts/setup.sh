#!/bin/sh
# Installs what newsbrief needs on Debian 12, builds it, and speaks the
# example briefing.  Run from anywhere; uses sudo for apt-get when not root.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
missing=""
for p in $(cat scripts/packages.txt); do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing:$missing"
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $missing
fi

# Warnings stay warnings here (a newer compiler may find new ones); CI and
# developers build with -DNB_WERROR=ON.  Said explicitly, so that a build/
# configured before with -Werror builds too.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNB_WERROR=OFF
cmake --build build -j"$(nproc)"
build/newsbrief build
