#!/usr/bin/env bash
# images/demo/build.sh - build the virtpanel "demo" OS image from the Debian
# packages installed on this host (no downloads).
#
# Usage: build.sh [--force] OUTDIR
#
# Produces in OUTDIR:
#   demo.qcow2       ext4 root filesystem on the WHOLE disk (guest: /dev/vda,
#                    no partition table), busybox userland + resize2fs; it grows
#                    itself to the disk size at boot
#   demo-vmlinuz     Debian's kernel /boot/vmlinuz-$KVER, by default stored
#                    uncompressed (PVH-bootable vmlinux, see "Kernel" below)
#   demo-initrd.img  tiny busybox initramfs: insmod modules, mount /dev/vda,
#                    switch_root
#   demo.cmdline     kernel command line for libvirt <cmdline>
#   demo.sha256      "sha256  demo.qcow2" (sha256sum -c compatible)
#   demo.buildinfo   what it was built from; used to skip needless rebuilds
#
# Idempotent: if OUTDIR already holds outputs built from the same inputs
# (this directory's files, kernel version, package versions) nothing is
# rebuilt -- important because demo.qcow2 is the *backing file* of guest
# overlays and must not change under them.  --force (or DEMO_FORCE=1)
# rebuilds anyway; outputs are replaced by atomic renames.
#
# Needs (Debian packages): busybox-static, linux-image-amd64, e2fsprogs,
# qemu-utils, kmod, cpio, gzip, xz-utils, grep, coreutils, libc-bin, dpkg
# (zstd only for kernels with zstd-compressed modules).  Runs as root (device
# nodes in the initramfs, root-owned files in the image).
#
# Environment overrides: DEMO_KVER (kernel version, default: newest in /boot
# with modules), DEMO_ROOTFS_MB (initial filesystem size, default 64),
# DEMO_KERNEL=vmlinux|bzimage (see "Kernel" below), DEMO_KEEP_WORK=1 (keep
# the work directory OUTDIR/.build.* for debugging).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

FORCE=${DEMO_FORCE:-0}
if [[ ${1:-} == --force ]]; then FORCE=1; shift; fi
if [[ $# -ne 1 ]]; then
    echo "usage: $0 [--force] OUTDIR" >&2
    exit 2
fi
OUT=$(realpath -m "$1")

die() { echo "build.sh: error: $*" >&2; exit 1; }
note() { echo "build.sh: $*" >&2; }

[[ $(id -u) -eq 0 ]] || die "must run as root"

# The kernel command line the domain must use.  console=ttyS0 comes last so
# /dev/console (init's messages, rescue shell) is the serial port; the kernel
# still prints to both.  The guest's own announcement is written to ttyS0 and
# tty1 explicitly.
# no_timer_check: under TCG on a busy host the kernel's IO-APIC timer check can time out
# and hang the boot ("MP-BIOS bug: 8254 timer not connected"); the check is pointless in a VM.
CMDLINE="root=/dev/vda rw console=tty0 console=ttyS0,115200 quiet no_timer_check"

# Modules the guest needs.  Everything is loaded by the initramfs (with all
# dependencies, in order); names that are built into the kernel or missing
# are skipped with a note.
#   virtio_pci virtio_blk ext4     root disk (ext4 pulls jbd2 mbcache crc16
#                                  and crc32c via softdep)
#   crc32c_generic                 crc32c-intel fails on TCG's qemu64 CPU
#   virtio_net                     NIC
#   ahci sr_mod cdrom isofs        cloud-init seed: cdrom on the SATA bus (q35)
#   ata_piix                       same on the i440fx "pc" machine (IDE)
#   button evdev                   ACPI power button -> /dev/input/event* ->
#                                  busybox acpid (virsh shutdown / reboot)
#   virtio_console virtio_rng      optional devices libvirt may add
#   bochs (+ drm, ttm helpers)     framebuffer console on the "vga" (stdvga)
#                                  device.  Needed because the PVH-booted
#                                  vmlinux (see below) gets no VGA text
#                                  console ("dummy" console: VNC would stay
#                                  on the SeaBIOS screen); with it tty1 is a
#                                  fbcon at 1280x800.  ~0.3 s under TCG.
# Order matters for boot time: the SATA controller is first so that its
# (asynchronous, timer-driven) port probing overlaps with loading the rest.
MODULES=(ahci ata_piix sr_mod cdrom
         virtio_pci virtio_blk crc32c_generic ext4 virtio_net isofs
         button evdev virtio_console virtio_rng bochs)
# In the root filesystem only, loaded on demand with modprobe:
#   sd_mod    seed attached as a SATA/SCSI *disk* (cloud-init loads it when
#             no cdrom seed is found; costs ~0.25 s of crc-t10dif self-tests
#             under TCG, so not at every boot)
LAZY_MODULES=(sd_mod)

ROOTFS_MB=${DEMO_ROOTFS_MB:-64}
BUSYBOX=/bin/busybox

# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------
for tool in mkfs.ext4 e2fsck qemu-img cpio gzip depmod modprobe ldd sha256sum realpath; do
    command -v "$tool" >/dev/null || die "$tool not found (install e2fsprogs qemu-utils cpio gzip kmod libc-bin coreutils)"
done
[[ -x $BUSYBOX ]] || die "$BUSYBOX missing (apt-get install busybox-static)"
# must be the static build: it runs in the initramfs without any libraries
if ldd "$BUSYBOX" >/dev/null 2>&1; then
    die "$BUSYBOX is dynamically linked; install busybox-static"
fi
RESIZE2FS=$(command -v resize2fs) || die "resize2fs missing (e2fsprogs)"

if [[ -n ${DEMO_KVER:-} ]]; then
    KVER=$DEMO_KVER
else
    KVER=$(for f in /boot/vmlinuz-*; do
               k=${f#/boot/vmlinuz-}
               [[ -d /lib/modules/$k/kernel ]] && echo "$k"
           done | sort -V | tail -n 1)
fi
[[ -n $KVER && -f /boot/vmlinuz-$KVER && -d /lib/modules/$KVER ]] ||
    die "no kernel with modules found (apt-get install linux-image-amd64)"

# Fingerprint of everything the output depends on.
pkgver() { dpkg-query -W -f '${Package}=${Version}\n' "$@" 2>/dev/null || true; }
BUILDINFO=$(
    echo "kernel=$KVER"
    echo "cmdline=$CMDLINE"
    echo "rootfs_mb=$ROOTFS_MB"
    echo "modules=${MODULES[*]} lazy: ${LAZY_MODULES[*]}"
    echo "kernel_format=${DEMO_KERNEL:-vmlinux}"
    pkgver busybox-static e2fsprogs libc6 "linux-image-$KVER" | sort
    # the files that end up in the image (not README.md)
    echo "sources=$(cd "$HERE" && find build.sh initramfs rootfs -type f ! -name '*~' -print0 |
                    LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)"
)
OUTPUTS=(demo.qcow2 demo-vmlinuz demo-initrd.img demo.cmdline demo.sha256)

all_outputs_present() {
    local f
    for f in "${OUTPUTS[@]}"; do [[ -s $OUT/$f ]] || return 1; done
}
if [[ $FORCE != 1 ]] && all_outputs_present &&
   [[ -f $OUT/demo.buildinfo ]] && [[ $(grep -v '^kernel_file=' "$OUT/demo.buildinfo") == "$BUILDINFO" ]] &&
   (cd "$OUT" && sha256sum --quiet -c demo.sha256 >/dev/null 2>&1); then
    note "$OUT is up to date (kernel $KVER); use --force to rebuild"
    exit 0
fi

mkdir -p "$OUT"
# Work inside OUTDIR so the final mv's are atomic renames on one filesystem.
WORK=$(mktemp -d "$OUT/.build.XXXXXX")
trap '[[ -n ${DEMO_KEEP_WORK:-} ]] || rm -rf "$WORK"' EXIT
ROOT=$WORK/rootfs       # becomes demo.qcow2
INITRD=$WORK/initramfs  # becomes demo-initrd.img
RES=$WORK/out
mkdir -p "$ROOT" "$INITRD" "$RES"

note "building demo image, kernel $KVER"

# ---------------------------------------------------------------------------
# Kernel modules: resolve dependencies at build time so the initramfs needs
# neither modules.dep nor modprobe, just insmod in this order.
# "-C /dev/null" ignores the build host's /etc/modprobe.d (options or
# blacklists there must not leak into the image); softdeps declared by the
# modules themselves (ext4 -> crc32c) are still honoured.
# ---------------------------------------------------------------------------
resolve_modules() {   # resolve_modules [-q] MODULE... -> .ko paths (relative
    local quiet='' m deps kind path rest rel # to /lib/modules/$KVER), load order
    local -A seen=()
    [[ ${1:-} == -q ]] && { quiet=1; shift; }
    for m; do
        if ! deps=$(modprobe -C /dev/null -S "$KVER" --show-depends "$m" 2>/dev/null); then
            [[ -n $quiet ]] || note "module $m: not available for $KVER, skipped"
            continue
        fi
        while read -r kind path rest; do
            case $kind in
                builtin) [[ -n $quiet ]] || note "module $path: built into the kernel" ;;
                insmod)
                    rel=${path#/lib/modules/$KVER/}
                    [[ -n ${seen[$rel]:-} ]] && continue
                    seen[$rel]=1
                    echo "$rel"
                    ;;
            esac
        done <<<"$deps"
    done
}
mapfile -t BOOT_KOS < <(resolve_modules "${MODULES[@]}")
mapfile -t ALL_KOS < <(resolve_modules -q "${MODULES[@]}" "${LAZY_MODULES[@]}")
[[ ${#BOOT_KOS[@]} -gt 0 ]] || die "no modules resolved for $KVER"

# copy_modules DESTROOT REL... : copy modules decompressed (busybox insmod
# cannot read .ko.xz/.ko.zst; Debian 12's kernel ships plain .ko, newer
# kernels compress them); prints the new relative names.
copy_modules() {
    local dest=$1 rel src ko
    shift
    for rel; do
        src=/lib/modules/$KVER/$rel
        ko=${rel%.xz}; ko=${ko%.zst}; ko=${ko%.gz}
        mkdir -p "$dest/lib/modules/$KVER/$(dirname "$ko")"
        case $rel in
            *.xz)  xz -dc "$src"    > "$dest/lib/modules/$KVER/$ko" ;;
            *.zst) zstd -qdc "$src" > "$dest/lib/modules/$KVER/$ko" ;;
            *.gz)  gzip -dc "$src"  > "$dest/lib/modules/$KVER/$ko" ;;
            *)     cp "$src" "$dest/lib/modules/$KVER/$ko" ;;
        esac
        echo "$ko"
    done
}

# Install busybox plus one symlink per applet at its canonical location.
install_busybox() {
    local dest=$1 a
    mkdir -p "$dest/bin" "$dest/sbin" "$dest/usr/bin" "$dest/usr/sbin"
    cp "$BUSYBOX" "$dest/bin/busybox"
    while read -r a; do
        [[ $a == linuxrc || -e $dest/$a || -L $dest/$a ]] && continue
        ln -s /bin/busybox "$dest/$a"
    done < <("$dest/bin/busybox" --list-full)
}

# ---------------------------------------------------------------------------
# initramfs
# ---------------------------------------------------------------------------
install_busybox "$INITRD"
mkdir -p "$INITRD"/{dev,proc,sys,newroot,etc,lib}
copy_modules "$INITRD" "${BOOT_KOS[@]}" | sed "s|^|$KVER/|" > "$INITRD/etc/modules.order"
note "initramfs modules (load order): $(sed 's|.*/||' "$INITRD/etc/modules.order" | tr '\n' ' ')"
install -m 0755 "$HERE/initramfs/init" "$INITRD/init"
# /dev/console must exist before devtmpfs is mounted for the kernel to give
# /init a stdin/stdout (the kernel's built-in default cpio has it too).
mknod -m 600 "$INITRD/dev/console" c 5 1 2>/dev/null || note "mknod failed; relying on the kernel's /dev/console"
(cd "$INITRD" && find . -mindepth 1 | LC_ALL=C sort |
    cpio --quiet -o -H newc -R 0:0 --reproducible) | gzip -9 -n > "$RES/demo-initrd.img"

# ---------------------------------------------------------------------------
# root filesystem tree
# ---------------------------------------------------------------------------
install_busybox "$ROOT"
mkdir -p "$ROOT"/{dev,proc,sys,run,tmp,mnt,root,home,etc/init.d,lib,lib64,var/lib/cloud,var/log,var/tmp}
chmod 1777 "$ROOT/tmp" "$ROOT/var/tmp"
chmod 700 "$ROOT/root" "$ROOT/var/lib/cloud"
ln -s /run "$ROOT/var/run"
ln -s /proc/mounts "$ROOT/etc/mtab"       # resize2fs checks mtab for mounted fs
copy_modules "$ROOT" "${ALL_KOS[@]}" >/dev/null
# builtin lists let modprobe in the guest know what needs no loading
for f in modules.builtin modules.builtin.modinfo modules.order; do
    [[ -f /lib/modules/$KVER/$f ]] && cp "/lib/modules/$KVER/$f" "$ROOT/lib/modules/$KVER/"
done
# modules.dep for busybox modprobe in the guest (rcS retries missing ones)
depmod -b "$ROOT" "$KVER"
printf '%s\n' "# modules loaded at boot (by the initramfs; rcS retries with modprobe)" \
    "${MODULES[@]}" > "$ROOT/etc/modules"

# our scripts and config (inittab, rcS, rcK, acpi handler, cloud-init, ...)
cp -a "$HERE/rootfs/." "$ROOT/"
chmod 0755 "$ROOT/etc/init.d/rcS" "$ROOT/etc/init.d/rcK" "$ROOT/etc/acpi/PWRF/00000080" \
    "$ROOT/usr/lib/virtpanel-demo/cloud-init" "$ROOT/usr/share/udhcpc/default.script"

# resize2fs is dynamic: copy it with the libraries ldd reports, plus the
# dynamic loader, at the same paths (Debian's ld.so searches
# /lib/x86_64-linux-gnu by default; an ld.so.cache is added as well).
install -m 0755 "$RESIZE2FS" "$ROOT/sbin/resize2fs"
ldd "$RESIZE2FS" | awk '/=> \// { print $3 } /^\t\// { print $1 }' | while read -r lib; do
    mkdir -p "$ROOT$(dirname "$lib")"
    cp -L "$lib" "$ROOT$lib"
done
if command -v ldconfig >/dev/null; then
    printf '/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n' > "$ROOT/etc/ld.so.conf"
    ldconfig -r "$ROOT"
fi
# sanity check (skipped where chroot is not allowed)
if chroot "$ROOT" /bin/true 2>/dev/null; then
    # (without arguments it prints its usage and exits 1)
    usage=$(chroot "$ROOT" /sbin/resize2fs 2>&1 || true)
    [[ $usage == *Usage* ]] || die "resize2fs does not run in the image: $usage"
fi

# accounts: root is locked ("*") until cloud-init's chpasswd sets a hash
DAYS=$(( $(date +%s) / 86400 ))
cat > "$ROOT/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
cat > "$ROOT/etc/shadow" <<EOF
root:*:$DAYS:0:99999:7:::
daemon:*:$DAYS:0:99999:7:::
nobody:*:$DAYS:0:99999:7:::
EOF
cat > "$ROOT/etc/group" <<'EOF'
root:x:0:
daemon:x:1:
tty:x:5:
disk:x:6:
nogroup:x:65534:
EOF
chmod 0644 "$ROOT/etc/passwd" "$ROOT/etc/group"
chmod 0600 "$ROOT/etc/shadow"
echo demo > "$ROOT/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tdemo\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$ROOT/etc/hosts"
: > "$ROOT/etc/resolv.conf"
echo /bin/sh > "$ROOT/etc/shells"
cat > "$ROOT/etc/fstab" <<'EOF'
# the initramfs mounts / (/dev/vda, ext4); rcS mounts the rest
/dev/vda  /  ext4  rw,noinit_itable  0  0
EOF
cat > "$ROOT/etc/profile" <<'EOF'
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PS1='\u@\h:\w\$ '
umask 022
EOF
cat > "$ROOT/etc/os-release" <<'EOF'
NAME="Virtpanel demo"
ID=virtpanel-demo
PRETTY_NAME="Virtpanel demo (busybox)"
EOF
printf 'Virtpanel demo \\n \\l\n\n' > "$ROOT/etc/issue"

# ---------------------------------------------------------------------------
# demo.qcow2: ext4 on the whole device, built without mounting anything.
#  -b 4096           4k blocks (mke2fs would pick 1k for a "small" fs, which
#                    is a poor base for growing to many GiB)
#  -E resize=...     reserve GDT blocks for online growth up to 1 TiB
#                    (default would be 1024 x the initial size)
#  -m 1              1% reserved blocks
# ---------------------------------------------------------------------------
RAW=$WORK/demo.raw
truncate -s "${ROOTFS_MB}M" "$RAW"
mkfs.ext4 -q -F -L demo-root -b 4096 -m 1 -E resize=268435456 -d "$ROOT" "$RAW"
e2fsck -fn "$RAW" >/dev/null 2>&1 || die "e2fsck reports errors in the new filesystem"
qemu-img convert -f raw -O qcow2 "$RAW" "$RES/demo.qcow2"
rm -f "$RAW"

# ---------------------------------------------------------------------------
# Kernel.  Debian's bzImage is XZ-compressed; without KVM (TCG) the kernel's
# own decompressor needs ~3-4 s, a third of the whole boot.  By default we
# therefore ship the *same* kernel uncompressed (the vmlinux ELF inside the
# bzImage): QEMU >= 4.0 boots such an ELF via its PVH entry point
# (CONFIG_PVH=y, Xen PVH ELF note) with the same <kernel>/<initrd>/<cmdline>
# and no decompression (measured: "ready" ~3 s sooner).  Caveat: a PVH boot
# has no VGA text console, hence the bochs framebuffer console (MODULES).
# DEMO_KERNEL=bzimage ships the plain copy of /boot/vmlinuz-$KVER instead
# (also the fallback if extraction fails).
# ---------------------------------------------------------------------------
extract_vmlinux() {   # extract_vmlinux BZIMAGE OUT -> success if OUT is an ELF
    local img=$1 out=$2 magic tool off
    for magic in 'fd377a585a00:xz -dc --single-stream' '28b52ffd:zstd -qdc' '1f8b0800:gzip -dcq'; do
        tool=${magic#*:}
        command -v "${tool%% *}" >/dev/null || continue
        # candidate offsets of the compressed payload (the first hit is usually it)
        for off in $(LC_ALL=C grep -aboP "$(sed 's/../\\x&/g' <<<"${magic%%:*}")" "$img" 2>/dev/null |
                     head -n 4 | cut -d: -f1); do
            # process substitution: tail's SIGPIPE must not trip pipefail
            $tool < <(tail -c "+$((off + 1))" "$img") > "$out" 2>/dev/null || true
            [[ $(head -c 4 "$out" | od -An -tx1 | tr -d ' \n') == 7f454c46 ]] && return 0
        done
    done
    return 1
}
KERNEL_KIND=bzimage
if [[ ${DEMO_KERNEL:-vmlinux} == vmlinux ]]; then
    if ! grep -qs '^CONFIG_PVH=y' "/boot/config-$KVER"; then
        note "kernel $KVER has no PVH entry point; shipping the compressed bzImage"
    elif extract_vmlinux "/boot/vmlinuz-$KVER" "$RES/demo-vmlinuz"; then
        KERNEL_KIND=vmlinux
    else
        note "could not extract vmlinux from /boot/vmlinuz-$KVER; shipping the bzImage"
    fi
fi
[[ $KERNEL_KIND == vmlinux ]] || cp "/boot/vmlinuz-$KVER" "$RES/demo-vmlinuz"
echo "$CMDLINE" > "$RES/demo.cmdline"
(cd "$RES" && sha256sum demo.qcow2 > demo.sha256)
{ echo "$BUILDINFO"; echo "kernel_file=$KERNEL_KIND"; } > "$RES/demo.buildinfo"
chmod 0644 "$RES"/*

# Publish: one rename per file; demo.buildinfo goes first and comes back
# last, so an interrupted run is never mistaken for a complete one.
rm -f "$OUT/demo.buildinfo"
for f in "${OUTPUTS[@]}" demo.buildinfo; do
    mv -f "$RES/$f" "$OUT/$f"
done
note "done: $(cd "$OUT" && du -h "${OUTPUTS[@]}" | tr '\t\n' ' ')"
