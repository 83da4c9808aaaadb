package bnfreeze.experiment;

import java.util.Locale;

/** The ND4J backend a run asks for. */
public enum Backend {
    CPU,
    CUDA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Backend fromId(String id) {
        for (Backend b : values()) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend \"" + id + "\"; expected cpu or cuda");
    }
}
