package mn.zasag.legalentity;

import java.io.IOException;

/** Another registry's generator that also gives some of the synthetic entities something (a car, an office, a tax account). */
public interface EntitySink {

    void acceptEntity(SyntheticEntity entity) throws IOException;
}
