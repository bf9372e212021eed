// 文书核验: anyone (no login) checks a document by its number on the public page /verify/{number},
// the same page the QR code printed on every document opens.
import { reactive } from 'vue';
import { t, GsPage, GsProblem, useProblem, ApiError } from 'guangsha';

/** `GS20261123-7KQ4M2XD`: letters, digits and hyphens. */
const NUMBER = /^[A-Z0-9][A-Z0-9-]{5,39}$/;

export const VerifyDocument = {
  components: { GsPage, GsProblem },
  setup() {
    const form = reactive({ number: '' });
    const problem = useProblem();
    function check() {
      problem.clear();
      const number = form.number.replace(/\s/g, '').toUpperCase();
      if (!NUMBER.test(number)) {
        problem.set(new ApiError(400, {
          title: t('problem.fieldsHint', {}, { locale: 'zh-CN' }), titleEn: t('problem.fieldsHint', {}, { locale: 'en' }), status: 400,
          errors: [{ field: 'number', message: t('verifyDocument.bad', {}, { locale: 'zh-CN' }), messageEn: t('verifyDocument.bad', {}, { locale: 'en' }) }],
        }));
        return;
      }
      location.assign(`/verify/${encodeURIComponent(number)}`);
    }
    return { form, problem, check };
  },
  template: `
    <GsPage :title="$t('verifyDocument.title')" narrow>
      <section class="gs-verify-why">
        <van-icon name="certificate" class="gs-verify-icon" aria-hidden="true" />
        <p>{{ $t('verifyDocument.intro') }}</p>
      </section>
      <GsProblem :problem="problem" />
      <van-form @submit="check" data-testid="verify-document-form">
        <van-cell-group inset>
          <van-field v-model="form.number" name="number" :label="$t('documents.number')" placeholder="GS20261123-7KQ4M2XD" autocomplete="off"
            autocapitalize="characters" required :error-message="problem.field('number')" data-testid="verify-document-number" />
        </van-cell-group>
        <div class="gs-actions">
          <van-button round block type="primary" native-type="submit" icon="search" data-testid="verify-document-submit">{{ $t('verifyDocument.submit') }}</van-button>
        </div>
      </van-form>
      <p class="gs-form-note gs-muted">{{ $t('verifyDocument.note') }}</p>
    </GsPage>`,
};
