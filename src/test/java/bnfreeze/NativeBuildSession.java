package bnfreeze;

import bnfreeze.experiment.NativeBuilds;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Tests run on the libnd4j build the application would choose (see {@link NativeBuilds}). */
public class NativeBuildSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeBuilds.configure();
        System.setProperty("java.awt.headless", "true");
    }
}
