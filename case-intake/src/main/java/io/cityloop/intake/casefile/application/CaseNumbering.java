package io.cityloop.intake.casefile.application;

import java.time.LocalDate;

/** Hands out case numbers: {@code CL} + the city date + a sequence per day, e.g. {@code CL20261123000042}. */
public interface CaseNumbering {

    String next(LocalDate cityDate);
}
