package io.cityloop.intake.catalog;

/** An edit based on a catalog version that is no longer the one in force. */
public class StaleCatalogException extends RuntimeException {

    public StaleCatalogException(String base, String current) {
        super("the edit is based on catalog " + base + " but " + current + " is in force; reload and retry");
    }
}
