package com.virtpanel.quota;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A quota-state repository holding the one server's state the unit tests look at. */
final class FakeStates {

    final AtomicReference<QuotaState> state = new AtomicReference<>();
    final QuotaStateRepository repository = mock(QuotaStateRepository.class);

    FakeStates() {
        when(repository.findById(anyLong())).thenAnswer(i -> Optional.ofNullable(state.get()));
        when(repository.existsById(anyLong())).thenAnswer(i -> state.get() != null);
        when(repository.save(any())).thenAnswer(i -> {
            state.set(i.getArgument(0));
            return i.getArgument(0);
        });
    }

    QuotaState get() {
        return state.get();
    }
}
