package io.latentlab.engine;

import java.util.Iterator;

/** Minibatches for training, in an order fixed by the epoch number, so that a resumed run sees the same batches. */
public interface BatchSource {

    /** @return batches in one epoch */
    long batchesPerEpoch();

    /**
     * @param epoch the epoch, from 0
     * @return its batches; the same sequence every time for the same epoch
     */
    Iterator<Batch> epoch(int epoch);
}
