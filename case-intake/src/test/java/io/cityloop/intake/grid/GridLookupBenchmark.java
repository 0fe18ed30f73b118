package io.cityloop.intake.grid;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Point → cell over the shipped grid (about 37,000 polygons): random points in the urban core of 秦都区 and 渭城区,
 * and points outside the city. Run with {@link #main}; see the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GridLookupBenchmark {

    private static final int POINTS = 1 << 12;

    private UnitCellGrid grid;
    private double[] lons;
    private double[] lats;
    private int next;

    @Setup
    public void setUp() {
        grid = UnitCellGrid.shipped();
        SplittableRandom random = new SplittableRandom(20261123);
        lons = new double[POINTS];
        lats = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            lons[i] = 108.62 + random.nextDouble() * 0.20;
            lats[i] = 34.28 + random.nextDouble() * 0.14;
        }
    }

    @Benchmark
    public Object locateInTheUrbanCore() {
        int i = next++ & (POINTS - 1);
        return grid.locate(lons[i], lats[i]);
    }

    @Benchmark
    public Object locateOutsideTheCity() {
        int i = next++ & (POINTS - 1);
        return grid.locate(lons[i] + 3, lats[i]);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(GridLookupBenchmark.class.getSimpleName()).build()).run();
    }
}
