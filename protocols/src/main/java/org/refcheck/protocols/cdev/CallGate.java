package org.refcheck.protocols.cdev;

/**
 * The call count of a character device: every file operation {@link #enter enters} it before touching the device
 * and {@link #exit exits} it afterwards; {@link #disconnect()} makes every later {@code enter} fail and returns only
 * once every call that did enter has exited.
 *
 * <p>This is Laurent Pinchart's protocol (the 2017 V4L2 RFC {@code video_device_enter/exit/unplug}, restated for
 * cdevs in 2025: "Protect all access to the cdev from userspace with enter/exit calls that flag if a call is in
 * progress", then at {@code .remove()} flag the removal, fail new calls, and block until all protected sections
 * have exited; drivers/media/v4l2-core/v4l2-dev.c in the RFC), and Dan Williams' cdev-level {@code percpu_ref}
 * attempt of 2021 (fs/char_dev.c).
 *
 * <pre> {@code
 * if (!gate.enter(cpu)) {
 *     return Errno.ENXIO;             // the device is gone
 * }
 * try {
 *     ... use the hardware ...
 * } finally {
 *     gate.exit(cpu);
 * }
 * }</pre>
 *
 * <p>{@code cpu} is the caller's slot for per-CPU implementations: a call exits on the slot it entered on, and two
 * callers never use the same slot at the same time (in the kernel, the CPU the caller runs on with preemption
 * disabled; in tests, one slot per thread). Implementations with one shared count ignore it.
 *
 * <p>Memory consistency effects: actions of a call between a successful {@link #enter} and its {@link #exit}
 * happen-before {@link #disconnect()} returns.
 */
public interface CallGate {

    /**
     * Enters a call on slot {@code cpu}.
     *
     * @return {@code true} if the call may proceed and must {@link #exit}; {@code false} once the device is
     *     disconnected (the caller returns {@code -ENXIO} without touching the device)
     */
    boolean enter(int cpu);

    /** Exits a call that entered on slot {@code cpu}. */
    void exit(int cpu);

    /**
     * Flags the device as disconnected, so that every later {@link #enter} fails, and waits until every call that
     * entered has exited. Called once.
     */
    void disconnect();
}
