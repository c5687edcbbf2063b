package io.newspipe.sink;

import io.newspipe.localstack.LocalStack;

/** Every sink test again with the COPY write path (staging table + one INSERT … SELECT … ON CONFLICT). */
class SinkCopyIT extends SinkIT {

    SinkCopyIT(LocalStack stack) {
        super(stack);
    }

    @Override
    ArticleTable.WriteMode writeMode() {
        return ArticleTable.WriteMode.COPY;
    }
}
