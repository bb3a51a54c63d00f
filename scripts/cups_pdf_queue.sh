#!/usr/bin/env bash
# A CUPS-PDF print queue for tests/printing/test_real_cups.py (run as root on Debian):
# installs CUPS and the PDF printer if missing, starts the scheduler if it is not
# running (containers have no systemd), and makes the queue DeskPDF: A4, accepting,
# and rendering through pdftocairo so the PDF it writes keeps its text (the default
# Ghostscript route loses the ToUnicode maps of embedded TrueType subsets).
set -euo pipefail
queue="${1:-DeskPDF}"
packages=(cups cups-client cups-bsd cups-ipp-utils printer-driver-cups-pdf)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if ! lpstat -r 2>/dev/null | grep -q "scheduler is running"; then
  /usr/sbin/cupsd   # forks into the background
  for _ in $(seq 50); do
    lpstat -r 2>/dev/null | grep -q "scheduler is running" && break
    sleep 0.2
  done
fi
ppd=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_noopt.ppd/ {print $1; exit}')
lpadmin -p "$queue" -E -v cups-pdf:/ -m "${ppd:-lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd}" \
  -o PageSize=A4 -o pdftops-renderer-default=pdftocairo 2>/dev/null
cupsenable "$queue"
cupsaccept "$queue"
lpstat -p "$queue" -a "$queue"
