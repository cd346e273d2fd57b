package org.refcheck.protocols;

/**
 * The error numbers the device protocols return, negated as kernel functions return them
 * (include/uapi/asm-generic/errno-base.h): a call that fails returns {@code Errno.ENXIO}, i.e. {@code -6}.
 */
public final class Errno {

    /** No such file or directory: a debugfs open after the file was removed. */
    public static final int ENOENT = -2;

    /** I/O error: a proxied debugfs operation on a removed file. */
    public static final int EIO = -5;

    /** No such device or address: a file operation after the device was disconnected. */
    public static final int ENXIO = -6;

    /** Out of memory: a devres node or other allocation failed. */
    public static final int ENOMEM = -12;

    /** No such device: a lookup that found no registered device. */
    public static final int ENODEV = -19;

    private Errno() {
    }

    /** The symbolic name of {@code errno}, e.g. {@code "-ENXIO"}, or the number for others. */
    public static String name(int errno) {
        return switch (errno) {
            case 0 -> "0";
            case ENOENT -> "-ENOENT";
            case EIO -> "-EIO";
            case ENXIO -> "-ENXIO";
            case ENOMEM -> "-ENOMEM";
            case ENODEV -> "-ENODEV";
            default -> Integer.toString(errno);
        };
    }
}
