package io.cityloop.intake.casefile.adapters.web;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseSnapshot;
import io.cityloop.intake.casefile.model.TaskAssignment;
import io.cityloop.intake.casefile.model.TimelineEntry;
import io.cityloop.intake.casefile.model.Verification;

/** Case file → the API's view of it. */
@Mapper
interface CaseViewMapper {

    @Mapping(target = "categoryCode", source = "category.code")
    @Mapping(target = "categoryName", source = "category.name")
    @Mapping(target = "catalogVersion", source = "category.catalogVersion")
    @Mapping(target = "location", expression = "java(new CaseView.Position(snapshot.location().lon(), snapshot.location().lat()))")
    @Mapping(target = "address", source = "location.address")
    @Mapping(target = "districtCode", source = "location.districtCode")
    @Mapping(target = "districtName", source = "location.districtName")
    @Mapping(target = "streetName", source = "location.streetName")
    @Mapping(target = "communityCode", source = "location.communityCode")
    @Mapping(target = "gridCode", source = "location.cellCode")
    @Mapping(target = "reportedBy", source = "reporter.id")
    CaseView toView(CaseSnapshot snapshot);

    default CaseView toView(CaseFile file) {
        return toView(file.snapshot());
    }

    CaseView.Task toView(TaskAssignment task);

    CaseView.Check toView(Verification verification);

    CaseView.Step toView(TimelineEntry entry);
}
