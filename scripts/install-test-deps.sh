#!/usr/bin/env bash
# Installs the real programs the tests drive (Debian packages): dnsmasq, nftables, iproute2,
# a Docker engine with docker-compose, busybox (test images), tmux (the terminal test), age
# (the fixtures of age: and sops: secret references), graphviz (phoenix graph's DOT and SVG),
# zsh and fish (their completion scripts run in the real shells), chromium (the status page is
# checked in a real headless browser).
# Needs root; installs only what is missing.
set -euo pipefail
need=()
command -v dnsmasq >/dev/null || need+=(dnsmasq-base)
command -v nft >/dev/null || need+=(nftables)
command -v ip >/dev/null || need+=(iproute2)
command -v dockerd >/dev/null || need+=(docker.io)
command -v docker-compose >/dev/null || need+=(docker-compose)
command -v busybox >/dev/null || need+=(busybox-static)
command -v tmux >/dev/null || need+=(tmux)
command -v openssl >/dev/null || need+=(openssl)
command -v age >/dev/null || need+=(age)
command -v dot >/dev/null || need+=(graphviz)
command -v zsh >/dev/null || need+=(zsh)
command -v fish >/dev/null || need+=(fish)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
