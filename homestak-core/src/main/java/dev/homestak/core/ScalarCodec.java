package dev.homestak.core;

/** {@link FactCodec#scalar}: written as is; numbers read back as the key's number type. */
record ScalarCodec<T>(Class<T> type) implements FactCodec<T> {

    @Override
    public Object encode(T value) {
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T decode(Object value) {
        if (type.isInstance(value)) {
            return (T) value;
        }
        if (value instanceof Number n) {
            if (type == Integer.class) {
                return (T) Integer.valueOf(n.intValue());
            }
            if (type == Long.class) {
                return (T) Long.valueOf(n.longValue());
            }
            if (type == Double.class) {
                return (T) Double.valueOf(n.doubleValue());
            }
            if (type == String.class) {
                return (T) n.toString();
            }
        }
        if (value instanceof String s && (type == Integer.class || type == Long.class)) {
            try {
                return type == Integer.class ? (T) Integer.valueOf(s.trim()) : (T) Long.valueOf(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("is not a number", e);
            }
        }
        throw new IllegalStateException(
                "has type " + value.getClass().getSimpleName() + ", not " + type.getSimpleName());
    }
}
