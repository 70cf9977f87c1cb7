package com.virtpanel.server;

/**
 * A long-running change to a server, executed step by step by {@link OperationRunner}. Each
 * step is idempotent and the current step is stored, so after a crash the runner simply
 * repeats the step it was in.
 */
enum Operation {
    PROVISION(Step.PREPARE_DISK, Step.WRITE_SEED, Step.DEFINE, Step.START),
    REINSTALL(Step.PREPARE_DISK, Step.WRITE_SEED, Step.STOP, Step.SWAP_DISK, Step.DELETE_OLD_VOLUMES, Step.START),
    DELETE(Step.REMOVE_DOMAIN, Step.DELETE_VOLUMES),
    // Offline changes inside the guest's disk (libguestfs): see GuestChanges.
    RESET_PASSWORD(Step.SHUT_DOWN, Step.WRITE_PASSWORD, Step.UPDATE_SEED, Step.START_AGAIN),
    ADD_SSH_KEY(Step.WRITE_SSH_KEY, Step.UPDATE_SEED),
    CHANGE_PLAN(Step.SHUT_DOWN, Step.APPLY_PLAN, Step.GROW_DISK, Step.START_AGAIN),
    /** Same vCPUs, memory and disk: only limits change, live (the quota module applies them). */
    CHANGE_PLAN_LIVE(Step.APPLY_PLAN),
    /** Attach an ISO and boot once from it (see IsoBoots). */
    BOOT_ISO(Step.BOOT_FROM_ISO),
    EJECT_ISO(Step.EJECT_ISO),
    /** The rescue system with the server's disk as the second disk: see ServerRescue. */
    RESCUE(Step.SHUT_DOWN, Step.WRITE_RESCUE_SEED, Step.DEFINE_RESCUE, Step.START_RESCUE),
    LEAVE_RESCUE(Step.SHUT_DOWN, Step.DEFINE, Step.DELETE_RESCUE_SEED, Step.START_AGAIN),
    /** Like a reinstall, the old disk stays until the restored one is complete: see ServerRestore. */
    RESTORE(Step.RESTORE_DISK, Step.STOP, Step.SWAP_DISK, Step.DELETE_OLD_VOLUMES, Step.START);

    private final Step[] steps;

    Operation(Step... steps) {
        this.steps = steps;
    }

    Step first() {
        return steps[0];
    }

    /** The step after {@code step}, or null when the operation is complete. */
    Step after(Step step) {
        for (int i = 0; i < steps.length - 1; i++) {
            if (steps[i] == step) {
                return steps[i + 1];
            }
        }
        return null;
    }

    /** Progress in percent when {@code step} is about to run. */
    int progress(Step step) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == step) {
                return 100 * i / steps.length;
            }
        }
        return 100;
    }

    enum Step {
        PREPARE_DISK("Creating the disk"),
        WRITE_SEED("Writing first-boot settings"),
        DEFINE("Defining the virtual machine"),
        STOP("Stopping the server"),
        SWAP_DISK("Switching to the new disk"),
        DELETE_OLD_VOLUMES("Removing the old disk"),
        START("Starting the server"),
        REMOVE_DOMAIN("Removing the virtual machine"),
        DELETE_VOLUMES("Removing the disks"),
        SHUT_DOWN("Shutting the server down"),
        WRITE_PASSWORD("Writing the new root password"),
        WRITE_SSH_KEY("Adding the SSH key"),
        UPDATE_SEED("Updating the first-boot settings"),
        APPLY_PLAN("Applying the new plan"),
        GROW_DISK("Growing the disk and its filesystem"),
        START_AGAIN("Starting the server again"),
        BOOT_FROM_ISO("Starting the server from the ISO"),
        EJECT_ISO("Ejecting the ISO"),
        WRITE_RESCUE_SEED("Preparing the rescue system"),
        DEFINE_RESCUE("Switching to the rescue system"),
        START_RESCUE("Starting the rescue system"),
        DELETE_RESCUE_SEED("Removing the rescue settings"),
        RESTORE_DISK("Writing the disk from the backup");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }
}
