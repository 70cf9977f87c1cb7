package com.virtpanel.network;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool's reserved ranges as an admin types them: separated by commas or line breaks, each a
 * single address ("10.0.0.5"), a range ("10.0.0.20-10.0.0.29") or a network ("10.0.0.32/28").
 * Stored in one canonical text, so what the page shows is what the database holds.
 */
record ReservedRanges(List<Range> ranges) {

    static final String FIELD = "reserved";
    private static final int MAX_RANGES = 100;

    record Range(BigInteger from, BigInteger to, int bits) {

        boolean contains(BigInteger address) {
            return from.compareTo(address) <= 0 && address.compareTo(to) <= 0;
        }

        @Override
        public String toString() {
            String first = PoolShape.text(from, bits);
            return from.equals(to) ? first : first + "-" + PoolShape.text(to, bits);
        }
    }

    static ReservedRanges none() {
        return new ReservedRanges(List.of());
    }

    static ReservedRanges parse(String text) {
        var ranges = new ArrayList<Range>();
        if (text == null) {
            return none();
        }
        for (String entry : text.split("[,\\n\\r]+")) {
            String e = entry.strip();
            if (!e.isEmpty()) {
                ranges.add(range(e));
            }
        }
        if (ranges.size() > MAX_RANGES) {
            throw new InvalidInputException(FIELD, UserMessage.of("error.pool.too-many-reserved", MAX_RANGES));
        }
        return new ReservedRanges(List.copyOf(ranges));
    }

    private static Range range(String entry) {
        int dash = entry.indexOf('-');
        if (dash < 0) {
            Cidr cidr = Cidr.parse(FIELD, entry);
            return new Range(cidr.base(), cidr.last(), cidr.bits());
        }
        Cidr from = Cidr.parse(FIELD, entry.substring(0, dash));
        Cidr to = Cidr.parse(FIELD, entry.substring(dash + 1));
        if (from.prefix() != from.bits() || to.prefix() != to.bits() || from.bits() != to.bits()
                || from.base().compareTo(to.base()) > 0) {
            throw new InvalidInputException(FIELD, UserMessage.of("error.pool.reserved-invalid", entry));
        }
        return new Range(from.base(), to.base(), from.bits());
    }

    boolean contains(BigInteger address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    @Override
    public String toString() {
        return String.join(", ", ranges.stream().map(Range::toString).toList());
    }
}
