package com.virtpanel.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs calls at the same moment, one thread each, the way ten customers' clicks arrive: every
 * thread waits on one latch that opens when all are ready. The answers come back in call order.
 */
public final class Together {

    private Together() {
    }

    /** One caller's work; it may throw, which fails the test with the cause. */
    @FunctionalInterface
    public interface Call<T> {
        T apply(int index) throws Exception;
    }

    /** {@code count} calls of {@code call(index)} released at once; their answers by index. */
    public static <T> List<T> run(int count, Call<T> call) {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for simultaneous calls", e);
        } catch (Exception e) {
            throw new AssertionError("a simultaneous call failed", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
