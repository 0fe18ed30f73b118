package io.cityloop.bench.city;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.cityloop.reference.Category;
import io.cityloop.reference.CategoryKind;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.UnitGrid.GridDistrict;

/**
 * A seeded stream of realistic reports from the reference data: all 13 districts (the two central ones, 秦都区 and
 * 渭城区, busier), and a category mix in which street events (事件) dominate components (部件) as they do in a
 * Xianyang-sized city: 市容环境 and 街面秩序 most, then 宣传广告, 施工管理, rarely 突发事件. Every point lies in a
 * cell of the unit grid case-intake ships ({@link CityCells}), so valid traffic is never refused for its place.
 *
 * <p>Each report carries its {@link CasePlan}. The shares below are of reports (rejections, duplicates) or of
 * filed cases (the rest); with the same seed the same city comes out, report for report.
 */
public final class CityTraffic {

    /** Shares of the plan: rejected at filing, failing the first on-site check, fed back after the deadline. */
    public static final double REJECTED_SHARE = 0.10;
    public static final double FAILED_VERIFICATION_SHARE = 0.10;
    public static final double LATE_SHARE = 0.15;

    /**
     * 重复上报: the share of reports that are a second report of a case reported a moment earlier (one of the
     * last {@link #DUPLICATE_LOOKBACK} reports the operator will file), same category, within
     * {@link #DUPLICATE_MAX_METRES} of it. Counted among all reports, as a city counts them.
     */
    public static final double DUPLICATE_SHARE = 0.05;
    /** Recent enough that the first report is still open when the operator merges the second into it. */
    public static final int DUPLICATE_LOOKBACK = 8;
    /** Well inside case-intake's duplicate radius (50 m), so the second report is flagged as a probable duplicate. */
    public static final double DUPLICATE_MAX_METRES = 30;
    /** Another reporter's position fix never lands on the very same spot. */
    static final double DUPLICATE_MIN_METRES = 3;

    /**
     * 退回: the share of filed cases whose first task the unit returns as not its responsibility; the command
     * center reviews the return (a share judged a routing error, 合理回退) and sends the case to another unit.
     * Independent of the failed first check: a re-dispatched case that fails its check goes back to the new unit.
     */
    public static final double RETURN_SHARE = 0.05;
    public static final double RETURN_JUSTIFIED_SHARE = 0.60;

    /** 延期: the share of filed cases whose unit asks for more time after accepting; most requests are approved. */
    public static final double EXTENSION_SHARE = 0.05;
    public static final double EXTENSION_APPROVED_SHARE = 0.80;
    /** Half a working day, one, or two (7 working hours a day). */
    static final double[] EXTENSION_WORKING_HOURS = {3.5, 7, 14};

    /**
     * 核实: the inspector gives the verdict this long after the check is requested (the way to the site and the
     * look), in business time; inside the usual 1-hour verification limit.
     */
    public static final Duration ON_SITE_DELAY_MIN = Duration.ofMinutes(10);
    public static final Duration ON_SITE_DELAY_MAX = Duration.ofMinutes(40);

    private static final double METRES_PER_DEGREE_LAT = 111_320.0;

    private final long seed;
    private final Random random;
    private final CityCells cells;
    private final List<GridDistrict> districts;
    private final double[] districtWeights;
    private final List<Category> categories;
    private final Map<String, Category> categoryByCode = new HashMap<>();
    private final double[] categoryWeights;
    private final Deque<Report> recentFiled = new ArrayDeque<>();
    private long sequence;

    public CityTraffic(CityReference city, long seed) {
        this(city, seed, Set.of());
    }

    /** @param accepted the category codes the running system accepts; empty for all of the reference data */
    public CityTraffic(CityReference city, long seed, Set<String> accepted) {
        this(city, seed, accepted, CityCells.shipped());
    }

    public CityTraffic(CityReference city, long seed, Set<String> accepted, CityCells cells) {
        this.seed = seed;
        this.random = new Random(seed);
        this.cells = cells;
        this.districts = city.grid().districts();
        this.districtWeights = new double[districts.size()];
        for (int i = 0; i < districts.size(); i++) {
            String code = districts.get(i).code();
            double busy = code.equals("610402") || code.equals("610404") ? 3.0 : 1.0;
            districtWeights[i] = cells.cellsOf(code).isEmpty() ? 0 : busy;
        }
        this.categories = city.catalog().all().stream()
                .filter(c -> accepted.isEmpty() || accepted.contains(c.code())).toList();
        this.categoryWeights = new double[categories.size()];
        for (int i = 0; i < categories.size(); i++) {
            categoryWeights[i] = weightOf(categories.get(i));
            categoryByCode.put(categories.get(i).code(), categories.get(i));
        }
    }

    /** Weight by kind (部件 components rarely) and, for events (事件), by major class of {@code kind-major-minor}. */
    static double weightOf(Category category) {
        if (category.kind() == CategoryKind.COMPONENT) {
            return 0.6;
        }
        String code = category.code();
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
        long spread = ON_SITE_DELAY_MAX.minus(ON_SITE_DELAY_MIN).toSeconds();
        Duration onSite = ON_SITE_DELAY_MIN.plusSeconds((long) (random.nextDouble() * spread));
        if (random.nextDouble() < DUPLICATE_SHARE && !recentFiled.isEmpty()) {
            List<Report> candidates = new ArrayList<>(recentFiled);
            return secondReport(candidates.get(random.nextInt(candidates.size())), seq, onSite);
        }
        GridDistrict district = districts.get(pick(districtWeights));
        Category category = categories.get(pick(categoryWeights));
        CityCells.Placed place = cells.place(district.code(), random).orElseThrow(() ->
                new IllegalStateException("no point inside the grid cells of " + district.code()));
        boolean rejected = random.nextDouble() < REJECTED_SHARE;
        boolean failsFirstCheck = random.nextDouble() < FAILED_VERIFICATION_SHARE;
        double fraction = random.nextDouble() < LATE_SHARE ? 1.1 + random.nextDouble() * 0.3
                : 0.1 + random.nextDouble() * 0.6;
        boolean returned = random.nextDouble() < RETURN_SHARE;
        boolean justified = random.nextDouble() < RETURN_JUSTIFIED_SHARE;
        boolean extended = random.nextDouble() < EXTENSION_SHARE;
        double hours = EXTENSION_WORKING_HOURS[random.nextInt(EXTENSION_WORKING_HOURS.length)];
        boolean approved = random.nextDouble() < EXTENSION_APPROVED_SHARE;
        CasePlan plan = new CasePlan(seq, rejected, failsFirstCheck, fraction, 0,
                !rejected && returned ? new CasePlan.TaskReturn(justified) : null,
                !rejected && extended ? new CasePlan.Extension(hours, approved) : null, onSite);
        String description = category.name() + "，巡查发现 " + Report.tag(seq);
        String address = district.name() + place.cell().streetName() + (1 + random.nextInt(300)) + "号";
        Report report = new Report(new UUID(seed, seq).toString(), category.code(), description, place.lon(),
                place.lat(), address, district.code(), plan);
        if (!rejected) {
            recentFiled.addLast(report);
            if (recentFiled.size() > DUPLICATE_LOOKBACK) {
                recentFiled.removeFirst();
            }
        }
        return report;
    }

    /** 重复上报: the same problem reported again a few metres away (another position fix), same category. */
    private Report secondReport(Report first, long seq, Duration onSite) {
        CityCells.Cell cell = null;
        double lon = first.lon();
        double lat = first.lat();
        for (int i = 0; i < 10 && cell == null; i++) {
            double metres = DUPLICATE_MIN_METRES + random.nextDouble() * (DUPLICATE_MAX_METRES - DUPLICATE_MIN_METRES);
            double bearing = random.nextDouble() * 2 * Math.PI;
            double dLat = metres * Math.cos(bearing) / METRES_PER_DEGREE_LAT;
            double dLon = metres * Math.sin(bearing) / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(first.lat())));
            lon = CityCells.sixDecimals(first.lon() + dLon);
            lat = CityCells.sixDecimals(first.lat() + dLat);
            cell = cells.locate(lon, lat).orElse(null);
        }
        if (cell == null) {
            // the first report lies at the city's edge in every direction tried: the second fix is the same point
            lon = first.lon();
            lat = first.lat();
            cell = cells.locate(lon, lat).orElseThrow();
        }
        Category category = categoryByCode.get(first.categoryCode());
        String description = category.name() + "，再次发现 " + Report.tag(seq);
        return new Report(new UUID(seed, seq).toString(), first.categoryCode(), description, lon, lat,
                first.address(), cell.districtCode(), CasePlan.duplicate(seq, first.plan().sequence(), onSite));
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

    /** The cells reports are placed in, for checks. */
    public CityCells cells() {
        return cells;
    }
}
