package io.cityloop.dispatch.routing.model;

/**
 * What routing looks at in a case: its category, where it is and, when known, who owns the component.
 *
 * @param gridCode       the 16-digit unit-grid cell code; its first 9 digits are the street
 * @param componentOwner {@code null} when the case names no component owner
 */
public record RoutingRequest(String categoryCode, String districtCode, String gridCode, String componentOwner) {

    private static final int STREET_CODE_LENGTH = 9;

    public static RoutingRequest of(String categoryCode, String districtCode, String gridCode) {
        return new RoutingRequest(categoryCode, districtCode, gridCode, null);
    }

    public String streetCode() {
        return gridCode != null && gridCode.length() >= STREET_CODE_LENGTH
                ? gridCode.substring(0, STREET_CODE_LENGTH) : null;
    }
}
