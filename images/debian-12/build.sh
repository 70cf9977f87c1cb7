#!/usr/bin/env bash
# images/debian-12/build.sh - build the virtpanel "debian-12" OS image: Debian 12 (bookworm)
# from Debian's packages with mmdebstrap, using this host's apt sources (no other downloads).
#
# Usage: build.sh [--force] OUTDIR
#
# Produces in OUTDIR:
#   debian-12.qcow2      MBR disk, one ext4 partition (label debian-root), GRUB for BIOS,
#                        Debian's kernel, cloud-init (NoCloud), OpenSSH, qemu-guest-agent,
#                        growpart, ifupdown; serial console on ttyS0; 2 GiB, grows to the
#                        plan's disk at first boot (cloud-init growpart + resize_rootfs)
#   debian-12.sha256     "sha256  debian-12.qcow2" (sha256sum -c compatible)
#   debian-12.buildinfo  the recipe's fingerprint: an unchanged recipe is not built again
#
# Idempotent like images/demo/build.sh: rebuilt only when this directory's files, the package
# list or the disk size change (--force or DEBIAN_IMAGE_FORCE=1 rebuilds anyway). The build is
# not bit-for-bit reproducible: the mirror's newest package versions go in. Outputs are
# replaced by atomic renames, the build info first out and last back in, so an interrupted
# build is never taken for a complete one. Replacing debian-12.qcow2 does not change the disk
# under existing guests: the panel copies an image into its storage pool as a template (one
# per file path, size and mtime) and the guests' overlays sit on that copy.
#
# Needs (Debian packages): mmdebstrap, e2fsprogs, fdisk, qemu-utils, libguestfs-tools
# (GRUB is installed onto the disk inside a libguestfs appliance: no loop devices needed).
# Runs as root. Environment: DEBIAN_IMAGE_SOURCES (an apt sources file for the image; default:
# this host's), DEBIAN_IMAGE_DISK_MB (default 2048), DEBIAN_IMAGE_KEEP_WORK=1 (keep OUTDIR/.build.*).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

FORCE=${DEBIAN_IMAGE_FORCE:-0}
if [[ ${1:-} == --force ]]; then FORCE=1; shift; fi
if [[ $# -ne 1 ]]; then
    echo "usage: $0 [--force] OUTDIR" >&2
    exit 2
fi
OUT=$(realpath -m "$1")

die() { echo "build.sh: error: $*" >&2; exit 1; }
note() { echo "build.sh: $(date +%T) $*" >&2; }

[[ $(id -u) -eq 0 ]] || die "must run as root"
for tool in mmdebstrap mkfs.ext4 sfdisk qemu-img guestfish sha256sum; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install mmdebstrap e2fsprogs fdisk qemu-utils libguestfs-tools)"
done

SUITE=bookworm
DISK_MB=${DEBIAN_IMAGE_DISK_MB:-2048}
# What a cloud server needs and no more (no recommends). linux-image-amd64, not the smaller
# -cloud- kernel: that one lacks AHCI, and the panel's q35 guests get their cloud-init seed
# on a SATA CD-ROM. ifupdown: cloud-init renders the panel's network-config to
# /etc/network/interfaces.d (routes with net-tools' route, DNS through resolvconf).
PACKAGES=(linux-image-amd64 grub-pc initramfs-tools zstd systemd-sysv udev dbus kmod
          cloud-init cloud-guest-utils fdisk e2fsprogs openssh-server qemu-guest-agent
          ifupdown isc-dhcp-client net-tools resolvconf iproute2 netbase procps less sudo)

# The image's apt sources: this host's Debian sources, which are known to be reachable.
if [[ -n ${DEBIAN_IMAGE_SOURCES:-} ]]; then
    SOURCES=$DEBIAN_IMAGE_SOURCES
elif [[ -s /etc/apt/sources.list.d/debian.sources ]]; then
    SOURCES=/etc/apt/sources.list.d/debian.sources
elif grep -qs '^deb ' /etc/apt/sources.list; then
    SOURCES=/etc/apt/sources.list
else
    SOURCES=""   # mmdebstrap's default: deb.debian.org with updates and security
fi

# Fingerprint of the recipe: this directory's files, the package list, the disk size.
BUILDINFO=$(
    echo "suite=$SUITE"
    echo "disk_mb=$DISK_MB"
    echo "packages=${PACKAGES[*]}"
    echo "sources=$(cd "$HERE" && find build.sh rootfs -type f ! -name '*~' -print0 |
                    LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)"
)
IMAGE=debian-12.qcow2

if [[ $FORCE != 1 && -s $OUT/$IMAGE && -f $OUT/debian-12.buildinfo && -s $OUT/debian-12.sha256 ]] &&
   [[ $(cat "$OUT/debian-12.buildinfo") == "$BUILDINFO" ]] &&
   (cd "$OUT" && sha256sum --quiet -c debian-12.sha256 >/dev/null 2>&1); then
    note "$OUT/$IMAGE is up to date; use --force to rebuild"
    exit 0
fi

mkdir -p "$OUT"
# Work inside OUTDIR so the final mv's are atomic renames on one filesystem.
WORK=$(mktemp -d "$OUT/.build.XXXXXX")
trap '[[ -n ${DEBIAN_IMAGE_KEEP_WORK:-} ]] || rm -rf "$WORK"' EXIT
ROOT=$WORK/rootfs
note "building $IMAGE (packages from ${SOURCES:-deb.debian.org})"

# ---------------------------------------------------------------------------
# Root filesystem. The setup hook puts our configuration in before any package is
# unpacked: the dpkg excludes apply to every package, and the kernel's initramfs is
# generated once, already with our initramfs-tools settings.
# ---------------------------------------------------------------------------
mmdebstrap --variant=apt --mode=root --format=directory \
    --aptopt='APT::Install-Recommends "false"' \
    --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    --setup-hook="sync-in '$HERE/rootfs' /" \
    "$SUITE" "$ROOT" ${SOURCES:+"$SOURCES"}
note "root filesystem: $(du -sh "$ROOT" | cut -f1)"

KERNEL=$(cd "$ROOT/boot" && ls vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
[[ -n $KERNEL && -s $ROOT/boot/initrd.img-${KERNEL#vmlinuz-} ]] || die "no kernel or initramfs in the image"
KVER=${KERNEL#vmlinuz-}
for m in ahci sr_mod isofs virtio_blk virtio_net; do
    [[ -n $(find "$ROOT/lib/modules/$KVER" -name "$m.ko*" -print -quit) ]] ||
        grep -qs "/$m.ko" "$ROOT/lib/modules/$KVER/modules.builtin" || die "kernel $KVER lacks module $m"
done

# Every guest must be its own machine: no shared SSH host keys (cloud-init makes new ones at
# first boot) and no machine-id (systemd makes one at first boot: an empty file means "first boot").
rm -f "$ROOT"/etc/ssh/ssh_host_*
: > "$ROOT/etc/machine-id"
rm -f "$ROOT/var/lib/dbus/machine-id"
echo debian > "$ROOT/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tdebian\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n' \
    > "$ROOT/etc/hosts"
UUID=$(cat /proc/sys/kernel/random/uuid)
echo "UUID=$UUID / ext4 rw,discard,errors=remount-ro 0 1" > "$ROOT/etc/fstab"
# e2scrub_reap looks for stale LVM snapshots at every boot (~40 s under TCG): there is no LVM.
systemctl --root="$ROOT" --quiet mask e2scrub_reap.service e2scrub_all.timer
rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/apt/*.bin "$ROOT"/var/log/*.log "$ROOT"/tmp/* 2>/dev/null || true

# ---------------------------------------------------------------------------
# Disk: MBR, one bootable Linux partition from 1 MiB to the end (growpart grows it later).
# The filesystem is made from the directory (mkfs.ext4 -d), nothing is mounted.
# ---------------------------------------------------------------------------
RAW=$WORK/disk.raw
PART=$WORK/part.raw
truncate -s "${DISK_MB}M" "$RAW"
truncate -s "$(( DISK_MB - 1 ))M" "$PART"
mkfs.ext4 -q -F -L debian-root -U "$UUID" -b 4096 -d "$ROOT" "$PART"
printf 'label: dos\nstart=2048, type=83, bootable\n' | sfdisk -q "$RAW"
dd if="$PART" of="$RAW" bs=1M seek=1 conv=notrunc,sparse status=none
rm -f "$PART"
rm -rf "$ROOT"

# GRUB for BIOS, installed by the image's own grub-install and update-grub, run inside a
# libguestfs appliance where the disk is /dev/sda.
note "installing GRUB"
LIBGUESTFS_BACKEND=${LIBGUESTFS_BACKEND:-direct} LIBGUESTFS_BACKEND_SETTINGS=${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg} \
guestfish --no-progress-bars --rw -a "$RAW" -m /dev/sda1 <<'EOF'
command "grub-install --target=i386-pc /dev/sda"
command "update-grub"
EOF

qemu-img convert -f raw -O qcow2 "$RAW" "$WORK/$IMAGE"
rm -f "$RAW"
(cd "$WORK" && sha256sum "$IMAGE" > debian-12.sha256)
echo "$BUILDINFO" > "$WORK/debian-12.buildinfo"
chmod 0644 "$WORK/$IMAGE" "$WORK/debian-12.sha256" "$WORK/debian-12.buildinfo"

# Publish: one rename per file; the build info goes first and comes back last.
rm -f "$OUT/debian-12.buildinfo"
mv -f "$WORK/$IMAGE" "$OUT/$IMAGE"
mv -f "$WORK/debian-12.sha256" "$OUT/debian-12.sha256"
mv -f "$WORK/debian-12.buildinfo" "$OUT/debian-12.buildinfo"
note "done: $OUT/$IMAGE ($(du -h "$OUT/$IMAGE" | cut -f1), kernel $KVER)"
