#!/usr/bin/env bash
# images/rescue/build.sh - build the virtpanel rescue system from the Debian
# packages installed on this host (no downloads).
#
# Usage: build.sh [--force] OUTDIR
#
# Produces in OUTDIR:
#   rescue-vmlinuz     the host's Debian kernel (uncompressed vmlinux when it
#                      can be PVH-booted, as the demo image does: faster under TCG)
#   rescue-initrd.img  the whole rescue system: busybox, dropbear (SSH),
#                      e2fsprogs, lsblk, the kernel modules for virtio disks,
#                      network, ext4, vfat and the ISO seed; runs from RAM
#   rescue.cmdline     kernel command line for libvirt <cmdline>
#   rescue.buildinfo   what it was built from; used to skip needless rebuilds
#
# The panel boots a server's domain with these (direct kernel boot), a small
# seed ISO as /dev/vda (network, SSH keys, optional password hash; see
# rootfs/init) and the customer's disk as /dev/vdb.
#
# Needs (Debian packages): busybox-static, dropbear-bin, e2fsprogs,
# util-linux, linux-image-amd64, kmod, cpio, gzip, xz-utils.  Runs as root.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FORCE=${RESCUE_FORCE:-0}
if [[ ${1:-} == --force ]]; then FORCE=1; shift; fi
[[ $# -eq 1 ]] || { echo "usage: $0 [--force] OUTDIR" >&2; exit 2; }
OUT=$(realpath -m "$1")

die() { echo "rescue/build.sh: error: $*" >&2; exit 1; }
note() { echo "rescue/build.sh: $*" >&2; }
[[ $(id -u) -eq 0 ]] || die "must run as root"

# console=ttyS0 last: /dev/console (init's shell, messages) is the serial port
CMDLINE="rdinit=/init console=tty0 console=ttyS0,115200 quiet no_timer_check"
# virtio disks and NIC, filesystems worth mounting in a rescue, the seed ISO,
# the ACPI power button (leave rescue) and the VGA framebuffer (the console)
MODULES=(virtio_pci virtio_blk crc32c_generic ext4 vfat nls_cp437 nls_utf8 isofs virtio_net
         button evdev virtio_console virtio_rng bochs)
# dynamically linked tools copied with their libraries
TOOLS=(/usr/sbin/dropbear /usr/bin/dropbearkey /sbin/e2fsck /sbin/resize2fs /sbin/tune2fs /sbin/mke2fs /bin/lsblk)
BUSYBOX=/bin/busybox

for tool in cpio gzip modprobe ldd sha256sum realpath; do
    command -v "$tool" >/dev/null || die "$tool not found (install cpio gzip kmod libc-bin coreutils)"
done
[[ -x $BUSYBOX ]] && ! ldd "$BUSYBOX" >/dev/null 2>&1 || die "a static $BUSYBOX is needed (apt-get install busybox-static)"
for t in "${TOOLS[@]}"; do
    [[ -x $t ]] || die "$t missing (apt-get install dropbear-bin e2fsprogs util-linux)"
done

KVER=${RESCUE_KVER:-$(for f in /boot/vmlinuz-*; do
           k=${f#/boot/vmlinuz-}; [[ -d /lib/modules/$k/kernel ]] && echo "$k"
       done | sort -V | tail -n 1)}
[[ -n $KVER && -f /boot/vmlinuz-$KVER ]] || die "no kernel with modules found (apt-get install linux-image-amd64)"

pkgver() { dpkg-query -W -f '${Package}=${Version}\n' "$@" 2>/dev/null || true; }
BUILDINFO=$(
    echo "kernel=$KVER"
    echo "cmdline=$CMDLINE"
    echo "modules=${MODULES[*]}"
    echo "tools=${TOOLS[*]}"
    pkgver busybox-static dropbear-bin e2fsprogs util-linux libc6 "linux-image-$KVER" | sort
    echo "sources=$(cd "$HERE" && find build.sh rootfs -type f -print0 | LC_ALL=C sort -z |
                    xargs -0 sha256sum | sha256sum | cut -c1-64)"
)
OUTPUTS=(rescue-vmlinuz rescue-initrd.img rescue.cmdline)
if [[ $FORCE != 1 && -f $OUT/rescue.buildinfo ]] &&
   [[ $(grep -v '^kernel_file=' "$OUT/rescue.buildinfo") == "$BUILDINFO" ]]; then
    ok=1; for f in "${OUTPUTS[@]}"; do [[ -s $OUT/$f ]] || ok=0; done
    [[ $ok == 1 ]] && { note "$OUT is up to date (kernel $KVER)"; exit 0; }
fi

mkdir -p "$OUT"
WORK=$(mktemp -d "$OUT/.build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ROOT=$WORK/root RES=$WORK/out
mkdir -p "$ROOT" "$RES"
note "building the rescue system, kernel $KVER"

# busybox and its applets
mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,run,tmp,mnt,root,etc,lib,lib64,var/log}
cp "$BUSYBOX" "$ROOT/bin/busybox"
while read -r a; do
    [[ $a == linuxrc || -e $ROOT/$a || -L $ROOT/$a ]] && continue
    ln -s /bin/busybox "$ROOT/$a"
done < <("$ROOT/bin/busybox" --list-full)

# tools with their libraries and the loader, at the same paths
for t in "${TOOLS[@]}"; do
    rm -f "$ROOT$t"; mkdir -p "$ROOT$(dirname "$t")"; cp -L "$t" "$ROOT$t"
    ldd "$t" | awk '/=> \// { print $3 } /^\t\// { print $1 }' | while read -r lib; do
        mkdir -p "$ROOT$(dirname "$lib")"; cp -L "$lib" "$ROOT$lib"
    done
done
ln -sf mke2fs "$ROOT/sbin/mkfs.ext4"
ln -sf e2fsck "$ROOT/sbin/fsck.ext4"
[[ -e $ROOT/lib64 && ! -e $ROOT/lib64/ld-linux-x86-64.so.2 ]] && cp -L /lib64/ld-linux-x86-64.so.2 "$ROOT/lib64/"

# modules, dependencies resolved now so init needs only insmod (as in the demo image)
: > "$ROOT/etc/modules.order"
declare -A seen=()
for m in "${MODULES[@]}"; do
    deps=$(modprobe -C /dev/null -S "$KVER" --show-depends "$m" 2>/dev/null) || { note "module $m: not available, skipped"; continue; }
    while read -r kind path _; do
        [[ $kind == insmod ]] || continue
        rel=${path#/lib/modules/$KVER/}
        [[ -n ${seen[$rel]:-} ]] && continue
        seen[$rel]=1
        ko=${rel%.xz}; ko=${ko%.zst}
        mkdir -p "$ROOT/lib/modules/$KVER/$(dirname "$ko")"
        case $rel in
            *.xz)  xz -dc "$path" > "$ROOT/lib/modules/$KVER/$ko" ;;
            *.zst) zstd -qdc "$path" > "$ROOT/lib/modules/$KVER/$ko" ;;
            *)     cp "$path" "$ROOT/lib/modules/$KVER/$ko" ;;
        esac
        echo "$KVER/$ko" >> "$ROOT/etc/modules.order"
    done <<<"$deps"
done

cp -a "$HERE/rootfs/." "$ROOT/"
chmod 0755 "$ROOT/init" "$ROOT/etc/rc.shutdown" "$ROOT/etc/acpi/PWRF/00000080"
# root is locked ("*") unless the seed brings a one-time password hash
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$ROOT/etc/passwd"
printf 'root:*:0:0:99999:7:::\nnobody:*:0:0:99999:7:::\n' > "$ROOT/etc/shadow"
printf 'root:x:0:\ntty:x:5:\ndisk:x:6:\nnogroup:x:65534:\n' > "$ROOT/etc/group"
chmod 0600 "$ROOT/etc/shadow"
echo /bin/sh > "$ROOT/etc/shells"
ln -s /proc/mounts "$ROOT/etc/mtab"
printf 'export PATH=/usr/sbin:/usr/bin:/sbin:/bin\nexport PS1="rescue:\\w# "\ncat /etc/motd\n' > "$ROOT/etc/profile"
printf 'Virtpanel rescue \\n \\l\n\n' > "$ROOT/etc/issue"
mknod -m 600 "$ROOT/dev/console" c 5 1
(cd "$ROOT" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible) |
    gzip -6 -n > "$RES/rescue-initrd.img"

# kernel: the uncompressed vmlinux (PVH entry) saves seconds of decompression under TCG
extract_vmlinux() {
    local img=$1 out=$2 off
    for off in $(LC_ALL=C grep -aboP '\xfd\x37\x7a\x58\x5a\x00' "$img" 2>/dev/null | head -n 4 | cut -d: -f1); do
        xz -dc --single-stream < <(tail -c "+$((off + 1))" "$img") > "$out" 2>/dev/null || true
        [[ $(head -c 4 "$out" | od -An -tx1 | tr -d ' \n') == 7f454c46 ]] && return 0
    done
    return 1
}
KIND=bzimage
if grep -qs '^CONFIG_PVH=y' "/boot/config-$KVER" && extract_vmlinux "/boot/vmlinuz-$KVER" "$RES/rescue-vmlinuz"; then
    KIND=vmlinux
else
    cp "/boot/vmlinuz-$KVER" "$RES/rescue-vmlinuz"
fi
echo "$CMDLINE" > "$RES/rescue.cmdline"
{ echo "$BUILDINFO"; echo "kernel_file=$KIND"; } > "$RES/rescue.buildinfo"
chmod 0644 "$RES"/*
rm -f "$OUT/rescue.buildinfo"
for f in "${OUTPUTS[@]}" rescue.buildinfo; do mv -f "$RES/$f" "$OUT/$f"; done
note "done: $(cd "$OUT" && du -h "${OUTPUTS[@]}" | tr '\t\n' ' ')"
