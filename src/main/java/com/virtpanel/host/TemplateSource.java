package com.virtpanel.host;

/**
 * An OS image as the catalog knows it: a qcow2 file somewhere on the host, and for images that
 * boot their own kernel, the kernel, initrd and command line.
 */
public record TemplateSource(String imageName, String diskPath, String kernelPath, String initrdPath, String cmdline) {
}
