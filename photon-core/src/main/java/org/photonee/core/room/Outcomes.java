package org.photonee.core.room;

import java.util.Map;
import java.util.function.BiConsumer;
import org.photonee.core.plugin.CallOutcome;

/** Builds the room's reactions to a plugin's decisions. */
final class Outcomes {
    private Outcomes() {
    }

    /** Continue runs {@code succeeded}, fail runs {@code failed}; cancel drops the operation. */
    static CallOutcome of(Runnable succeeded, BiConsumer<String, Map<Integer, Object>> failed) {
        return new CallOutcome() {
            @Override
            public void succeeded() {
                succeeded.run();
            }

            @Override
            public void failed(String message, Map<Integer, Object> errorData) {
                failed.accept(message, errorData);
            }
        };
    }

    /**
     * For what a plugin cannot refuse (leave, disconnect): the room goes on whatever the plugin decided; a failure
     * is only logged.
     */
    static CallOutcome regardless(String what, Runnable then) {
        return of(then, (message, data) -> {
            System.getLogger("org.photonee.plugin").log(System.Logger.Level.INFO,
                    "plugin failed {0} ({1}); it cannot be refused, carrying on", what, message);
            then.run();
        });
    }
}
