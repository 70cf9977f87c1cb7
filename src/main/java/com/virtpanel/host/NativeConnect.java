package com.virtpanel.host;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * A libvirt-java connection that also hands its raw virConnectPtr to our JNA bindings for
 * the calls libvirt-java 0.5.2 lacks (bulk stats, block I/O tune, interface parameters).
 */
final class NativeConnect extends Connect {

    NativeConnect(String uri) throws LibvirtException {
        super(uri, null, 0);
    }

    Pointer pointer() {
        return vcp.getPointer();
    }
}
