package dev.tokenservice.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every string reachable from a value: its {@code toString()}, and recursively the components of records and the
 * elements of collections, maps and optionals. Lets a test prove that a stored record or an event holds no secret,
 * not even inside a component whose own {@code toString()} hides it.
 */
public final class RecordStrings {

    private RecordStrings() { }

    public static List<String> of(Object value) {
        List<String> strings = new ArrayList<>();
        collect(value, strings);
        return strings;
    }

    /** True when any string reachable from {@code value} contains {@code secret}. */
    public static boolean mention(Object value, String secret) {
        return of(value).stream().anyMatch(text -> text.contains(secret));
    }

    private static void collect(Object value, List<String> out) {
        if (value == null) {
            return;
        }
        out.add(String.valueOf(value));
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                collect(read(record, component), out);
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> collect(element, out));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                collect(key, out);
                collect(element, out);
            });
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(element -> collect(element, out));
        }
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
