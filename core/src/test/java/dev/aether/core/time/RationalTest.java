package dev.aether.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link Rational} against {@link BigInteger} arithmetic. */
class RationalTest {

    /** a/b + c/d and a/b * c/d as BigInteger fractions, reduced, compared by cross-multiplication. */
    private static boolean same(Rational r, BigInteger n, BigInteger d) {
        return BigInteger.valueOf(r.num()).multiply(d).equals(n.multiply(BigInteger.valueOf(r.den())));
    }

    @Property void sumsAndProductsAreExact(@ForAll @IntRange(min = -100_000, max = 100_000) int a,
                                           @ForAll @IntRange(min = 1, max = 100_000) int b,
                                           @ForAll @IntRange(min = -100_000, max = 100_000) int c,
                                           @ForAll @IntRange(min = 1, max = 100_000) int d) {
        Rational x = Rational.of(a, b), y = Rational.of(c, d);
        BigInteger A = BigInteger.valueOf(a), B = BigInteger.valueOf(b), C = BigInteger.valueOf(c), D = BigInteger.valueOf(d);
        assertThat(same(x.plus(y), A.multiply(D).add(C.multiply(B)), B.multiply(D))).isTrue();
        assertThat(same(x.minus(y), A.multiply(D).subtract(C.multiply(B)), B.multiply(D))).isTrue();
        assertThat(same(x.times(y), A.multiply(C), B.multiply(D))).isTrue();
        assertThat(x.plus(y).den()).isPositive();
        assertThat(BigInteger.valueOf(x.num()).gcd(BigInteger.valueOf(x.den()))).isEqualTo(BigInteger.ONE);
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(A.multiply(D).compareTo(C.multiply(B)));
    }

    @Property void floorCeilAndRoundMatchBigDecimal(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long n,
                                                    @ForAll @LongRange(min = 1, max = 1_000_000) long d) {
        Rational r = Rational.of(n, d);
        BigDecimal exact = new BigDecimal(n).divide(new BigDecimal(d), 40, RoundingMode.HALF_UP);
        assertThat(r.floor()).isEqualTo(new BigDecimal(n).divide(new BigDecimal(d), 0, RoundingMode.FLOOR).longValueExact());
        assertThat(r.ceil()).isEqualTo(new BigDecimal(n).divide(new BigDecimal(d), 0, RoundingMode.CEILING).longValueExact());
        assertThat(r.round()).isEqualTo(exact.add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).longValueExact());
        assertThat(r.fraction().signum()).isNotNegative();
        assertThat(r.fraction().compareTo(Rational.ONE)).isNegative();
    }

    @Test void comparesFractionsWhoseCrossProductsOverflowALong() {
        Rational a = Rational.of(Long.MAX_VALUE - 1, Long.MAX_VALUE), b = Rational.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1);
        assertThat(a.compareTo(b)).isPositive();                 // 1 - 1/M > 1 - 1/(M-1)
        assertThat(b.compareTo(a)).isNegative();
        assertThat(a.negate().compareTo(b.negate())).isNegative();
    }

    @Test void decimalsUpToSixPlacesAreExact() {
        assertThat(Rational.ofDecimal(120.5)).isEqualTo(Rational.of(241, 2));
        assertThat(Rational.ofDecimal(133.333333)).isEqualTo(Rational.of(133_333_333, 1_000_000));
        assertThat(Rational.of(6, -4)).hasToString("-3/2");
    }

    @Test void overflowAndZeroDenominatorsThrowInsteadOfWrapping() {
        assertThatThrownBy(() -> Rational.of(Long.MAX_VALUE).plus(Rational.ONE)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(ArithmeticException.class).hasMessageContaining("denominator 0");
        assertThatThrownBy(() -> Rational.ONE.dividedBy(Rational.ZERO)).isInstanceOf(ArithmeticException.class);
    }
}
