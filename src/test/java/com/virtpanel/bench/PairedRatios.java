package com.virtpanel.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The statistics the benchmarks share: medians, and a subject against a baseline measured in
 * the same run as the median of per-pair ratios (subject and baseline ran back to back in each
 * pair, so a load spike on the shared machine hits both) with a 95 % bootstrap interval. The
 * verdict says "worse" only when the whole interval is on the wrong side of 1, and "within
 * noise" when it straddles 1.
 */
final class PairedRatios {

    private static final int RESAMPLES = 4000;

    /** The median ratio and its 95 % interval, from {@code n} pairs. */
    record Ratio(double median, double low, double high, int n, boolean higherIsBetter) {

        String interval() {
            return String.format(Locale.ROOT, "%5.2f [%5.2f, %5.2f] (n=%d)", median, low, high, n);
        }

        /** "no worse than", "WORSE than" or "within noise of", read as "subject ... baseline". */
        String verdict() {
            double good = higherIsBetter ? low : high;
            double bad = higherIsBetter ? high : low;
            boolean better = higherIsBetter ? good >= 1 : good <= 1;
            boolean worse = higherIsBetter ? bad < 1 : bad > 1;
            return better ? "no worse than" : worse ? "WORSE than" : "within noise of";
        }
    }

    private final Random random = new Random(42); // the same resamples every run: only the data varies

    /** subject[i] / baseline[i] for each pair, summarised. */
    Ratio of(double[] subject, double[] baseline, boolean higherIsBetter) {
        int n = Math.min(subject.length, baseline.length);
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = subject[i] / baseline[i];
        }
        double[] interval = bootstrapMedian(ratios);
        return new Ratio(median(ratios), interval[0], interval[1], n, higherIsBetter);
    }

    /** The 2.5th and 97.5th percentiles of the median over resamples with replacement. */
    private double[] bootstrapMedian(double[] values) {
        double[] medians = new double[RESAMPLES];
        double[] resample = new double[values.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < values.length; i++) {
                resample[i] = values[random.nextInt(values.length)];
            }
            medians[r] = median(resample);
        }
        Arrays.sort(medians);
        return new double[] {medians[(int) (RESAMPLES * 0.025)], medians[(int) (RESAMPLES * 0.975) - 1]};
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile (the median of an even count is the mean of the middle two). */
    static double percentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (p == 50) {
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }
}
