package io.cityloop.events;

/**
 * 立案: the report met its category's filing criterion and became a case to dispatch.
 *
 * @param componentOwner for a component (部件) case whose owner decides the handling unit (e.g. a manhole cover's
 *                       utility), that owner's unit id; null otherwise. Added to v1 as an optional field: readers
 *                       that do not know it ignore it.
 * @param category       the category's terms in the catalog version the case was reported under; added to v1 as an
 *                       optional field, null on filings published before it (readers then use the shipped catalog)
 */
public record CaseFiled(
        String caseId,
        String categoryCode,
        String districtCode,
        String gridCode,
        String note,
        Actor actor,
        String componentOwner,
        CategoryTerms category) implements CaseEventData {

    /** A filing without a known component owner. */
    public CaseFiled(String caseId, String categoryCode, String districtCode, String gridCode, String note,
                     Actor actor) {
        this(caseId, categoryCode, districtCode, gridCode, note, actor, null, null);
    }

    /** A filing as published before the category's terms travelled with it. */
    public CaseFiled(String caseId, String categoryCode, String districtCode, String gridCode, String note,
                     Actor actor, String componentOwner) {
        this(caseId, categoryCode, districtCode, gridCode, note, actor, componentOwner, null);
    }
}
