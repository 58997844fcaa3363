#!/usr/bin/env bash
# Installs the Debian packages agendapack needs to build, test, fuzz (clang and
# its libFuzzer runtime) and look at its output. As root it runs apt-get;
# otherwise it prints the exact command.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libkainjow-mustache-dev catch2
  libhpdf-dev icc-profiles-free libpng-dev libjpeg-dev libssl-dev libdeflate-dev libunibreak-dev libhyphen-dev hyphen-en-gb libfreetype-dev fonts-liberation2 fonts-dejavu-core wbritish
  libcpp-httplib-dev libqpdf-dev libpoppler-cpp-dev poppler-utils qpdf python3-fitz python3-icalendar python3-feedparser python3-jsonschema
  default-jre-headless nodejs npm chromium strace
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs/npm may come from outside Debian's packages on some images: a working
# node and npm on PATH is as good.
filtered=()
for p in "${missing[@]}"; do
  case "$p" in
    nodejs) command -v node >/dev/null || filtered+=("$p") ;;
    npm) command -v npm >/dev/null || filtered+=("$p") ;;
    default-jre-headless) command -v java >/dev/null || filtered+=("$p") ;;
    *) filtered+=("$p") ;;
  esac
done
missing=("${filtered[@]+"${filtered[@]}"}")

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "agendapack needs these Debian packages. Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
