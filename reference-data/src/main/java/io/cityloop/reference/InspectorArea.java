package io.cityloop.reference;

import java.util.Set;

/** 责任网格: the districts whose cells an inspector is responsible for. */
public record InspectorArea(String username, String name, Set<String> districtCodes) {

    public boolean covers(String districtCode) {
        return districtCodes.contains(districtCode);
    }
}
