#!/usr/bin/env bash
# After `make build`: every function has a Lambda bootstrap for the requested architecture, and
# `sam build` put that same binary into the function's artefact folder.
#   scripts/check-build.sh ARCH FUNCTION...
set -euo pipefail
cd "$(dirname "$0")/.."
arch=$1; shift
case "$arch" in
  x86_64) machine=62 ;;   # ELF e_machine EM_X86_64
  arm64) machine=183 ;;   # EM_AARCH64
  *) echo "unknown architecture $arch" >&2; exit 2 ;;
esac
fail=0
for fn in "$@"; do
  bin=target/lambda/$fn/bootstrap
  built=.aws-sam/build/${fn^}Function/bootstrap
  if [ ! -x "$bin" ]; then echo "no bootstrap for $fn at $bin" >&2; fail=1; continue; fi
  got=$(od -An -t u2 -j 18 -N 2 "$bin" | tr -d ' ')
  [ "$(head -c 4 "$bin" | od -An -c | tr -d ' ')" = '177ELF' ] || { echo "$bin is not an ELF executable" >&2; fail=1; }
  [ "$got" = "$machine" ] || { echo "$bin is for ELF machine $got, not $arch" >&2; fail=1; }
  # ELF e_type 2 (EXEC): position-dependent, so a cold start applies no relocations (functions/link.rs).
  type=$(od -An -t u2 -j 16 -N 2 "$bin" | tr -d ' ')
  want=2; case "${INVITATIONS_PIE:-}" in ''|0) ;; *) want=3 ;; esac
  [ "$type" = "$want" ] || { echo "$bin has ELF type $type, not $want (see functions/link.rs)" >&2; fail=1; }
  if ! cmp -s "$bin" "$built"; then echo "sam build did not package $bin as $built" >&2; fail=1; fi
  printf '%-11s %6d KiB  %s\n' "$fn" $(( $(stat -c %s "$bin") / 1024 )) "$built"
done
[ "$fail" = 0 ] && echo "make build: $# bootstraps for $arch, each packaged by sam build"
exit "$fail"
