package dev.tokenservice.core.model;

/** Ascending or descending order. */
public enum SortDirection {
    ASC,
    DESC
}
