package org.twinbench.model;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * Stands in for a deserialisation gadget: its {@code readObject} has a side effect (here, a
 * counter), as a real gadget's runs a command. A refused bundle must never reach it.
 */
final class GadgetProbe implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static volatile int triggered;

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        triggered++;
    }
}
