package io.cityloop.bench.city;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.UnitGrid.Extent;
import io.cityloop.reference.UnitGrid.GridDistrict;

/**
 * A seeded stream of realistic reports from the reference data: all 13 districts (the two central ones, 秦都区 and
 * 渭城区, busier), and a category mix in which street events (事件) dominate components (部件) as they do in a
 * Xianyang-sized city: 市容环境 and 街面秩序 most, then 宣传广告, 施工管理, rarely 突发事件.
 */
public final class CityTraffic {

    /** Shares of the plan: rejected at filing, failing the first on-site check, fed back after the deadline. */
    public static final double REJECTED_SHARE = 0.10;
    public static final double FAILED_VERIFICATION_SHARE = 0.10;
    public static final double LATE_SHARE = 0.15;

    private final long seed;
    private final Random random;
    private final List<GridDistrict> districts;
    private final double[] districtWeights;
    private final List<Category> categories;
    private final double[] categoryWeights;
    private long sequence;

    public CityTraffic(CityReference city, long seed) {
        this(city, seed, java.util.Set.of());
    }

    /** @param accepted the category codes the running system accepts; empty for all of the reference data */
    public CityTraffic(CityReference city, long seed, java.util.Set<String> accepted) {
        this.seed = seed;
        this.random = new Random(seed);
        this.districts = city.grid().districts();
        this.districtWeights = new double[districts.size()];
        for (int i = 0; i < districts.size(); i++) {
            String code = districts.get(i).code();
            districtWeights[i] = code.equals("610402") || code.equals("610404") ? 3.0 : 1.0;
        }
        this.categories = city.catalog().all().stream()
                .filter(c -> accepted.isEmpty() || accepted.contains(c.code())).toList();
        this.categoryWeights = new double[categories.size()];
        for (int i = 0; i < categories.size(); i++) {
            categoryWeights[i] = weightOf(categories.get(i).code());
        }
    }

    /** Weight by kind and major class of the code {@code kind-major-minor}: 02 = event, 01 = component. */
    static double weightOf(String code) {
        if (code.startsWith("01-")) {
            return 0.6;
        }
        String major = code.substring(3, 5);
        switch (major) {
            case "01": return 6;
            case "05": return 5;
            case "02": return 3;
            case "03": return 1.5;
            case "04": return 0.4;
            default: return 0.8;
        }
    }

    public synchronized Report next() {
        long seq = ++sequence;
        GridDistrict district = districts.get(pick(districtWeights));
        Category category = categories.get(pick(categoryWeights));
        Extent extent = district.extent();
        double lon = inside(extent.minLon(), extent.maxLon());
        double lat = inside(extent.minLat(), extent.maxLat());
        String street = district.streets().isEmpty() ? "" : district.streets().get(random.nextInt(district.streets().size()));
        CasePlan plan = new CasePlan(seq, random.nextDouble() < REJECTED_SHARE,
                random.nextDouble() < FAILED_VERIFICATION_SHARE,
                random.nextDouble() < LATE_SHARE ? 1.1 + random.nextDouble() * 0.3 : 0.1 + random.nextDouble() * 0.6);
        String description = category.name() + "，巡查发现 " + Report.tag(seq);
        String address = district.name() + street + (1 + random.nextInt(300)) + "号";
        return new Report(new UUID(seed, seq).toString(), category.code(), description, lon, lat, address,
                district.code(), plan);
    }

    /** Keeps away from the edges, where a point could fall into the neighbour's grid. */
    private double inside(double min, double max) {
        double margin = (max - min) * 0.05;
        return Math.round((min + margin + random.nextDouble() * (max - min - 2 * margin)) * 1e6) / 1e6;
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    public List<Report> take(int count) {
        List<Report> reports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reports.add(next());
        }
        return reports;
    }
}
