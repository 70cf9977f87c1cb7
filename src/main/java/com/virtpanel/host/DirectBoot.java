package com.virtpanel.host;

/** Boot a kernel and initrd from files on the host instead of the disk's boot loader (the demo image). */
public record DirectBoot(String kernelPath, String initrdPath, String cmdline) {
}
