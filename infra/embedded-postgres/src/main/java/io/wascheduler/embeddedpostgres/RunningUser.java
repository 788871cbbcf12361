package io.wascheduler.embeddedpostgres;

import com.sun.security.auth.module.UnixSystem;

final class RunningUser {

    private RunningUser() {
    }

    static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }
}
