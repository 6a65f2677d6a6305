// The carer's phone page (§9.1 ServiceVisitLog(geo, photo, duration)), mobile-first (375 px): today's
// persons, and a visit form with start/end, the plan's items, GPS when the browser allows it, a photo,
// the person's signature or a witness, and a health event (which alerts the village at once).
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  List,
  Radio,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES, SERVICE_ITEM_CODES } from '../../../../contracts/care.ts';
import { type CoverageView, careApi, type PersonsToday, type VisitView } from '../../api/care.ts';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { SignaturePad } from '../cases/SignaturePad.tsx';

const local = (d: dayjs.Dayjs) => d.format('YYYY-MM-DDTHH:mm');

export function ProviderVisitsPage() {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [data, setData] = useState<PersonsToday | null>(null);
  const [recent, setRecent] = useState<VisitView[]>([]);
  const [person, setPerson] = useState<CoverageView | null>(null);
  const load = useCallback(() => {
    careApi.personsToday().then(setData).catch(notifyError);
    careApi
      .visits({ month: dayjs().format('YYYY-MM-01') })
      .then((r) => setRecent(r.items.slice(0, 10)))
      .catch(notifyError);
  }, [notifyError]);
  useEffect(load, [load]);
  if (person && data)
    return (
      <VisitForm
        person={person}
        data={data}
        onDone={() => {
          setPerson(null);
          load();
        }}
      />
    );
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }}>
      <Card title={t('care.visit.today')} size="small" loading={data === null}>
        <List
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('care.visit.empty') }}
          renderItem={(p) => (
            <List.Item
              actions={[
                <Button key="r" type="primary" data-testid="care-visit-start" onClick={() => setPerson(p)}>
                  {t('care.visit.record')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={`${p.nameMask} · ${t(`care.levels.${p.careLevel}`)}`}
                description={`${t('care.visitsThisMonth', { n: p.visitsThisMonth })} / ${t('care.perMonth', { n: p.plan.visitsPerMonth })}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('care.visit.recent')} size="small" style={{ marginTop: 12 }}>
        <List
          size="small"
          dataSource={recent}
          renderItem={(v) => (
            <List.Item>
              {`${v.visitOn} ${v.personName} · ${v.minutes}′${v.healthEvent ? ' ⚠' : ''}`}
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}

const toBase64 = (f: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).split(',')[1] ?? '');
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });

type Props = { person: CoverageView; data: PersonsToday; onDone: () => void };

function VisitForm({ person, data, onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm();
  const [gps, setGps] = useState<{ lat: number; lng: number; accuracyM: number } | null>(null);
  const [gpsNote, setGpsNote] = useState<string | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const [photo, setPhoto] = useState<{ mime: 'image/png' | 'image/jpeg'; dataBase64: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const by = Form.useWatch('by', form) ?? 'PERSON';
  const health = Form.useWatch('healthEvent', form) ?? false;
  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => {
        const g = {
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracyM: Math.round(p.coords.accuracy),
        };
        setGps(g);
        setGpsNote(t('care.visit.gpsOk', { lat: g.lat.toFixed(5), lng: g.lng.toFixed(5) }));
      },
      () => setGpsNote(t('care.visit.gpsDenied')),
      { timeout: 10_000 },
    );
  // Ask for the location once when the form opens (the browser may refuse: GPS is optional).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per form, not per language change.
  useEffect(locate, []);
  const pickPhoto = async (f: File | undefined) => {
    if (!f) return setPhoto(null);
    if (f.size > MAX_FILE_BYTES) return message.error(t('care.visit.photoTooBig'));
    setPhoto({ mime: f.type === 'image/png' ? 'image/png' : 'image/jpeg', dataBase64: await toBase64(f) });
  };
  // biome-ignore lint/suspicious/noExplicitAny: antd form values.
  const submit = async (v: any) => {
    setBusy(true);
    try {
      await careApi.recordVisit({
        coverageId: person.id,
        ...(data.ownStaffId ? {} : { staffId: v.staffId }),
        startedAt: dayjs(v.startedAt).toISOString(),
        endedAt: dayjs(v.endedAt).toISOString(),
        gps,
        items: v.items ?? [],
        confirmation:
          v.by === 'WITNESS'
            ? { by: 'WITNESS', witnessName: v.witnessName ?? '' }
            : { by: 'PERSON', signature: { mime: 'image/png', dataBase64: signature ?? '' } },
        photo,
        healthEvent: v.healthEvent ?? false,
        healthNote: v.healthNote || null,
        note: v.note || null,
      });
      message.success(t('care.visit.saved'));
      onDone();
    } catch (err) {
      reportFormError(form, err, lang, notifyError);
    } finally {
      setBusy(false);
    }
  };
  const now = dayjs();
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }}>
      <Card
        size="small"
        title={`${t('care.visit.record')} · ${person.nameMask}`}
        extra={<Button onClick={onDone}>×</Button>}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            startedAt: local(now.subtract(1, 'hour')),
            endedAt: local(now),
            items: person.plan.items,
            by: 'PERSON',
            healthEvent: false,
          }}
        >
          {!data.ownStaffId && (
            <Form.Item name="staffId" label={t('care.visit.staff')}>
              <Select
                data-testid="care-visit-staff"
                options={data.staff.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          )}
          <Space.Compact block>
            <Form.Item name="startedAt" label={t('care.visit.start')} style={{ width: '50%' }}>
              <Input type="datetime-local" data-testid="care-visit-start-at" />
            </Form.Item>
            <Form.Item name="endedAt" label={t('care.visit.end')} style={{ width: '50%' }}>
              <Input type="datetime-local" data-testid="care-visit-end-at" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="items" label={t('care.fields.items')}>
            <Checkbox.Group
              options={SERVICE_ITEM_CODES.map((c) => ({ value: c, label: t(`care.serviceItems.${c}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('care.visit.gps')} name="gps">
            <Space wrap>
              <Button onClick={locate}>{t('care.visit.gps')}</Button>
              <Typography.Text type="secondary">{gpsNote}</Typography.Text>
            </Space>
          </Form.Item>
          <Form.Item label={t('care.visit.photo')} name="photo">
            <input
              type="file"
              accept="image/png,image/jpeg"
              capture="environment"
              data-testid="care-visit-photo"
              onChange={(e) => void pickPhoto(e.target.files?.[0])}
            />
          </Form.Item>
          <Form.Item name="by" label={t('care.visit.confirmBy')}>
            <Radio.Group>
              <Radio value="PERSON">{t('care.visit.byPerson')}</Radio>
              <Radio value="WITNESS">{t('care.visit.byWitness')}</Radio>
            </Radio.Group>
          </Form.Item>
          {by === 'PERSON' ? (
            <Form.Item name="confirmation" label={t('care.visit.signFirst')}>
              <div data-testid="care-visit-signature">
                <SignaturePad onChange={setSignature} width={320} height={140} />
              </div>
            </Form.Item>
          ) : (
            <Form.Item name="witnessName" label={t('care.visit.witnessName')}>
              <Input data-testid="care-visit-witness" />
            </Form.Item>
          )}
          <Form.Item name="healthEvent" label={t('care.visit.health')} valuePropName="checked">
            <Switch data-testid="care-visit-health" />
          </Form.Item>
          {health && (
            <Form.Item name="healthNote" label={t('care.visit.healthNote')}>
              <Input.TextArea rows={2} data-testid="care-visit-health-note" />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('care.visit.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="care-visit-submit">
            {t('care.visit.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
