package mn.zasag.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Optional;

/**
 * Fractional shares of something held jointly (an entity's founders, a property's owners): each in (0, 1],
 * kept to six decimals as the registries store them (numeric(9,6)), together adding up to one within a
 * rounding tolerance (three thirds are 0.999999). Shared so every registry with co-holders agrees on the rule.
 */
public final class Shares {

    private static final int SCALE = 6;
    private static final BigDecimal TOLERANCE = new BigDecimal("0.00001");

    private Shares() {
    }

    /** The share as stored, or empty when it is missing, not above zero (also after rounding) or above one. */
    public static Optional<BigDecimal> normalize(BigDecimal share) {
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            return Optional.empty();
        }
        BigDecimal scaled = share.setScale(SCALE, RoundingMode.HALF_UP);
        return scaled.signum() > 0 ? Optional.of(scaled) : Optional.empty();
    }

    public static boolean addUpToOne(Collection<BigDecimal> shares) {
        BigDecimal sum = shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.subtract(BigDecimal.ONE).abs().compareTo(TOLERANCE) <= 0;
    }
}
